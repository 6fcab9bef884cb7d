/**
 * Cancel: type a token, part of a name or a phone, the list narrows as you type; ↑/↓ pick, Enter asks,
 * y cancels. The list is drawn here rather than by a select input, so digits and letters
 * always go to the search field. State: ./cancel-dialog-state.ts; keys: ./use-cancel-dialog-input.ts.
 */
import { whenSent } from '../store/desk-store.js';
import { Box } from 'ink';
import { Text } from './safe-text.js';
import { useEffect, useMemo } from 'react';
import type { Result } from '../engine/index.js';
import { searchActive } from '../store/selectors.js';
import { cancelDialogOn, reduceCancelDialog, type CancelDialogAction, type CancelDialogState } from './cancel-dialog-state.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { useDesk, useDeskStore } from './desk-context.js';
import { fitWidth } from './lines.js';
import { TextField } from './TextField.js';
import { ACCENT, SOURCE_STYLE } from './theme.js';
import { useCancelDialogInput } from './use-cancel-dialog-input.js';
import { useReducerNow } from './use-reducer-now.js';
import type { ListenForKeys } from './screen-keys.js';

interface Props {
  height: number;
  width: number;
  onDone: (result: Result) => void;
  onCancel: () => void;
  /** The token to start on (the selected patient). */
  token?: string | undefined;
  /** How the form gets its keys from the desk. */
  listen: ListenForKeys;
}

const SEARCH_LIMIT = 200;

export function CancelDialog({ height, width, onDone, onCancel, listen, token }: Props) {
  const store = useDeskStore();
  const version = useDesk((state) => state.version);
  const search = (query: string) => searchActive(store.getState().day, query, SEARCH_LIMIT);
  const [state, dispatch, now] = useReducerNow(
    (s: CancelDialogState, a: CancelDialogAction) => reduceCancelDialog(s, a, search),
    () => cancelDialogOn(token, search),
  );
  useCancelDialogInput({ now, dispatch, send: (command) => whenSent(store.getState().send(command), (sent) => sent.result), onDone, onCancel }, listen);

  // A question about a token another desk has just cancelled (or marked) closes itself.
  useEffect(() => {
    dispatch({ type: 'day-changed' });
  }, [version, dispatch]);

  const query = state.query.value;
  const visible = Math.max(1, height - 6);
  // The day changes in place: its version is what tells the memo to recompute.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const matches = useMemo(() => searchActive(store.getState().day, query, SEARCH_LIMIT), [store, query, version]);
  const at = Math.min(state.at, Math.max(0, matches.length - 1));
  const top = Math.max(0, Math.min(at - visible + 1, matches.length - visible));
  const shown = matches.slice(top, top + visible);
  // A phone column only when some patient shown has a phone.
  const phones = shown.some((match) => match.phone !== null);

  if (state.confirming) {
    const match = state.confirming;
    return (
      <Box flexDirection="column" height={height}>
        <ConfirmDialog
          title={`Cancel ${match.token} ${match.patient}?`}
          detail={`${match.status === 'BOOKED' ? 'Seated in' : 'Waiting for'} ${match.slot} with ${match.doctor}. A cancelled token is not reused.`}
        />
      </Box>
    );
  }

  return (
    <Box flexDirection="column" height={height} overflowY="hidden" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold>Cancel a token</Text>
      <Box>
        <Text color={ACCENT} bold>
          {'▸ Find   '}
        </Text>
        <TextField state={state.query} placeholder="token, name or phone" />
      </Box>
      {matches.length === 0 ? (
        <Text dimColor>{query.trim() === '' ? 'No one is booked or waiting.' : `No active token matches "${query}".`}</Text>
      ) : (
        shown.map((match, i) => {
          const selected = top + i === at;
          const style = SOURCE_STYLE[match.source];
          const where = `${match.doctor} ${match.slot} ${match.status === 'BOOKED' ? 'seated' : 'waiting'}`;
          return (
            <Text key={match.token} wrap="truncate" inverse={selected}>
              {selected ? '▸ ' : '  '}
              {`${match.token} ${fitWidth(match.patient, 18)} `}
              <Text color={style.color} bold={style.bold ?? false}>
                {style.tag}
              </Text>
              {phones ? `  ${fitWidth(match.phone ?? '', 14)}  ${fitWidth(where, Math.max(10, width - 56))}` : `  ${fitWidth(where, Math.max(10, width - 40))}`}
            </Text>
          );
        })
      )}
      {state.notice !== null && (
        <Text color="yellow" wrap="truncate">
          {state.notice}
        </Text>
      )}
      <Text dimColor wrap="truncate">{`${matches.length} match${matches.length === 1 ? '' : 'es'} · ↑↓ pick · Enter cancel… · Esc back out`}</Text>
    </Box>
  );
}
