import { Box, Text } from 'ink';
import { selectTotals, type TotalsView } from '../store/selectors.js';
import type { Paging } from './board-layout.js';
import { useDesk } from './desk-context.js';
import { cut } from './lines.js';
import { ACCENT } from './theme.js';

/** The totals in the longest form that fits `width`. */
export function totalsText(totals: TotalsView, width: number): string {
  const long = `seated ${totals.booked} · waiting ${totals.waiting} · seen ${totals.completed} · cancelled ${totals.cancelled} · no-show ${totals.noShow} · unserved ${totals.unserved}`;
  if (long.length <= width) return long;
  const short = `seat ${totals.booked} wait ${totals.waiting} seen ${totals.completed} canc ${totals.cancelled} n/s ${totals.noShow} unsv ${totals.unserved}`;
  return cut(short, width);
}

/** Title, clock, the day's totals, and which page of doctors is shown (never cut off). */
export function Header({ width, paging, title }: { width: number; paging: Paging; title: string }) {
  const totals = useDesk(selectTotals);
  const page = paging.pages > 1 ? ` ◀ ${paging.page + 1}/${paging.pages} ▶` : '';
  const head = ` ${title} `;
  const clock = ` ${totals.clock} `;
  const room = width - head.length - clock.length - page.length - 2;
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        <Text bold color={ACCENT}>
          {room >= 30 ? head : ' '}
        </Text>
        <Text bold inverse>
          {clock}
        </Text>
        <Text>{`  ${totalsText(totals, room >= 30 ? room : room + head.length - 1)}`}</Text>
        <Text color="yellow" bold>
          {page}
        </Text>
      </Text>
    </Box>
  );
}
