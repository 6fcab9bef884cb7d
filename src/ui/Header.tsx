import { Box } from 'ink';
import { Text } from './safe-text.js';
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

/** Room the totals need beside the title; a longer title gives way to a shorter form first. */
const TOTALS_ROOM = 30;

/**
 * Title, clock, the day's totals, and which page of doctors is shown (never cut off). The title
 * is the longest of `title` and its `shortTitles` that leaves the totals room; the shortest is
 * kept even on a narrow terminal (it carries the date and the "not today" warning).
 */
export function Header({
  width,
  paging,
  title,
  shortTitles = [],
  clock: shownClock,
}: {
  width: number;
  paging: Paging;
  title: string;
  shortTitles?: readonly string[];
  /** The time to show instead of the day's clock (the simulation's film time, as its progress bar shows it). */
  clock?: string;
}) {
  const totals = useDesk(selectTotals);
  const page = paging.pages > 1 ? ` ◀ ${paging.page + 1}/${paging.pages} ▶` : '';
  const clock = ` ${shownClock ?? totals.clock} `;
  const roomBeside = (text: string) => width - text.length - 2 - clock.length - page.length - 2;
  const forms = [title, ...shortTitles];
  const fitting = forms.find((form) => roomBeside(form) >= TOTALS_ROOM);
  const head = fitting !== undefined ? ` ${fitting} ` : shortTitles.length > 0 ? ` ${forms.at(-1)} ` : ' ';
  const room = Math.max(0, width - head.length - clock.length - page.length - 2);
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        <Text bold color={ACCENT}>
          {head}
        </Text>
        <Text bold inverse>
          {clock}
        </Text>
        <Text>{`  ${totalsText(totals, room)}`}</Text>
        <Text color="yellow" bold>
          {page}
        </Text>
      </Text>
    </Box>
  );
}
