/**
 * Cancel: type a token or part of a name, the list narrows as you type; ↑/↓ pick, Enter asks,
 * y cancels. The list is driven here rather than by a select input, so digits and letters
 * always go to the search field.
 */
import { Box, Text, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { useMemo, useRef, useState } from 'react';
import type { Result } from '../engine/index.js';
import { searchActive, type ActiveMatch } from '../store/selectors.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { useDesk, useDeskStore } from './desk-context.js';
import { fitWidth } from './lines.js';
import { ACCENT, SOURCE_STYLE } from './theme.js';

interface Props {
  height: number;
  width: number;
  onDone: (result: Result) => void;
  onCancel: () => void;
}

export function CancelDialog({ height, width, onDone, onCancel }: Props) {
  const store = useDeskStore();
  const version = useDesk((state) => state.version);
  const [query, setQuery] = useState('');
  // Typed text and Enter can arrive in one burst: Enter must act on the latest query.
  const typed = useRef('');
  const [cursor, setCursor] = useState(0);
  const [confirming, setConfirming] = useState<ActiveMatch | null>(null);
  const visible = Math.max(1, height - 6);
  const matches = useMemo(() => searchActive(store.getState().day, query, 200), [store, query, version]);
  const at = Math.min(cursor, Math.max(0, matches.length - 1));
  const top = Math.max(0, Math.min(at - visible + 1, matches.length - visible));
  const shown = matches.slice(Math.max(0, top), Math.max(0, top) + visible);

  useInput(
    (_input, key) => {
      if (key.escape) onCancel();
      else if (key.upArrow) setCursor(Math.max(0, at - 1));
      else if (key.downArrow) setCursor(Math.min(matches.length - 1, at + 1));
      else if (key.return) {
        const latest = typed.current === query ? matches : searchActive(store.getState().day, typed.current, 200);
        const pick = latest[typed.current === query ? at : 0];
        if (pick) setConfirming(pick);
      }
    },
    { isActive: confirming === null },
  );

  if (confirming) {
    return (
      <Box flexDirection="column" height={height}>
        <ConfirmDialog
          title={`Cancel ${confirming.token} ${confirming.patient}?`}
          detail={`${confirming.status === 'BOOKED' ? 'Seated in' : 'Waiting for'} ${confirming.slot} with ${confirming.doctor}. A cancelled token is not reused.`}
          onYes={() => onDone(store.getState().dispatch({ op: 'cancel', token: confirming.token }))}
          onNo={() => setConfirming(null)}
        />
      </Box>
    );
  }

  return (
    <Box flexDirection="column" height={height} overflowY="hidden" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold>Cancel a token</Text>
      <Box>
        <Text color={ACCENT} bold>{'▸ Find   '}</Text>
        <TextInput value={query} onChange={(value) => {
            // A burst ending in Enter (paste, scanner) arrives as text with the line break in it.
            const [text, ...rest] = value.split(/[\r\n]/);
            typed.current = text ?? '';
            setQuery(typed.current);
            setCursor(0);
            const pick = rest.length > 0 ? searchActive(store.getState().day, typed.current, 1)[0] : undefined;
            if (pick) setConfirming(pick);
          }} placeholder="token or name" />
      </Box>
      {matches.length === 0 ? (
        <Text dimColor>{query.trim() === '' ? 'No one is booked or waiting.' : `No active token matches "${query}".`}</Text>
      ) : (
        shown.map((match, i) => {
          const selected = Math.max(0, top) + i === at;
          const style = SOURCE_STYLE[match.source];
          const where = `${match.doctor} ${match.slot} ${match.status === 'BOOKED' ? 'seated' : 'waiting'}`;
          return (
            <Text key={match.token} wrap="truncate" inverse={selected}>
              {selected ? '▸ ' : '  '}
              {`${match.token} ${fitWidth(match.patient, 18)} `}
              <Text color={style.color} bold={style.bold ?? false}>{style.tag}</Text>
              {`  ${fitWidth(where, Math.max(10, width - 40))}`}
            </Text>
          );
        })
      )}
      <Text dimColor wrap="truncate">{`${matches.length} match${matches.length === 1 ? '' : 'es'} · ↑↓ pick · Enter cancel… · Esc back out`}</Text>
    </Box>
  );
}
