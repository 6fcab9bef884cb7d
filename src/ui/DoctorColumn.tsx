import { Box } from 'ink';
import { layoutColumn } from './column-layout.js';
import { LineText } from './LineText.js';
import type { ColumnView } from '../store/selectors.js';
import type { Target } from './selection.js';
import type { Highlight } from '../store/desk-store.js';

interface Props {
  column: ColumnView;
  width: number;
  height: number;
  selected: Target | null;
  highlights: Readonly<Record<string, Highlight>>;
}

/** One doctor: name, seats, slots with their patients, and the overflow queue. */
export function DoctorColumn({ column, width, height, selected, highlights }: Props) {
  const lines = layoutColumn({ column, width, height, selected, highlights });
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      {lines.map((line, i) => (
        <LineText key={i} line={line} />
      ))}
    </Box>
  );
}
