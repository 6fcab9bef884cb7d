import { Box } from 'ink';
import { Text } from './safe-text.js';
import { reportText, type DayReport } from '../simulation/report.js';
import { cut } from './lines.js';

const HEADINGS = /^(End of day|By source|Patients seen|Call back|Nobody left|\s+issued)/;

/** The end-of-day report, the same words as `--headless`, cut to the screen. */
export function ReportView({ report, height, width }: { report: DayReport; height: number; width: number }) {
  let lines = reportText(report);
  if (lines.length > height) lines = [...lines.slice(0, height - 1), `… ${lines.length - height + 1} more lines: --headless prints them all`];
  const callBackFrom = lines.findIndex((line) => line.startsWith('Call back'));
  return (
    <Box flexDirection="column" height={height} overflowY="hidden">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate" bold={HEADINGS.test(line)} {...(callBackFrom >= 0 && i > callBackFrom && { color: 'yellow' })}>
          {cut(line, width) || ' '}
        </Text>
      ))}
    </Box>
  );
}
