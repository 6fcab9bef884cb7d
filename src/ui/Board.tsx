import { Box } from 'ink';
import { selectColumns } from '../store/selectors.js';
import { COLUMN_GAP, type Paging } from './board-layout.js';
import { useDesk } from './desk-context.js';
import { DoctorColumn } from './DoctorColumn.js';
import type { Selection } from './selection.js';

interface Props {
  paging: Paging;
  height: number;
  selection: Selection;
}

/** The doctors of the current page, side by side. */
export function Board({ paging, height, selection }: Props) {
  const columns = useDesk(selectColumns);
  const highlights = useDesk((state) => state.highlights);
  const shown = columns.slice(paging.first, paging.first + paging.perPage);
  return (
    <Box height={height} overflowY="hidden" columnGap={COLUMN_GAP}>
      {shown.map((column) => (
        <DoctorColumn
          key={column.id}
          column={column}
          width={paging.columnWidth}
          height={height}
          selected={column.index === selection.doctor ? selection.target : null}
          highlights={highlights}
        />
      ))}
    </Box>
  );
}
