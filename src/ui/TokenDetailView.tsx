import { Box } from 'ink';
import { useMemo } from 'react';
import { tokenDetail } from '../store/counter-selectors.js';
import { useDesk, useDeskStore } from './desk-context.js';
import { LineText } from './LineText.js';
import { tokenDetailLines } from './token-detail-lines.js';

interface Props {
  token: string;
  width: number;
  height: number;
  /** Lines scrolled back from the newest history line. */
  back: number;
}

/** A token's detail (Enter on a patient). Takes in the day's new commands when the day changes, not per frame. */
export function TokenDetailView({ token, width, height, back }: Props) {
  const store = useDeskStore();
  const version = useDesk((state) => state.version);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the version says when the day changed
  const detail = useMemo(() => tokenDetail(store.getState(), token), [store, token, version]);
  const lines = detail ? tokenDetailLines(detail, width - 2, height, back) : [[{ text: `${token} is not in this day.` }]];
  return (
    <Box flexDirection="column" height={height} overflowY="hidden" paddingX={1}>
      {lines.map((line, i) => (
        <LineText key={i} line={line} />
      ))}
    </Box>
  );
}
