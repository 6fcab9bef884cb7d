import { Box } from 'ink';
import { Text } from './safe-text.js';
import { SOURCE_STYLE } from './theme.js';
import { PRIORITY, SOURCES } from '../engine/index.js';
import { helpLines } from './keymap.js';

/**
 * Every key, and what the chip colours mean. Draws only; the desk closes it. Where the full
 * list does not fit, the chips go on one line (80x24: on the title line, with one key a line),
 * and at 60x20 the keys go in two columns, so every key is still shown; rows never shrink into
 * each other.
 */
export function HelpOverlay({ height, width = 120 }: { height: number; width?: number }) {
  const keys = helpLines();
  // Border (2), "Keys", the keys, a blank line, the chips' title, one line a source, the legend.
  const roomy = keys.length + SOURCES.length + 5 <= height;
  if (roomy) {
    return (
      <Box flexDirection="column" height={height} overflowY="hidden" borderStyle="round" paddingX={1}>
        <Text bold>Keys</Text>
        {keys.map(([label, action]) => (
          <Box key={label} flexShrink={0}>
            <Text wrap="truncate">
              <Text bold>{label.padEnd(24)}</Text>
              {action}
            </Text>
          </Box>
        ))}
        <Text> </Text>
        <Text bold>Chips, in service order</Text>
        {SOURCES.map((source) => (
          <Text key={source} wrap="truncate">
            <Text color={SOURCE_STYLE[source].color} bold={SOURCE_STYLE[source].bold ?? false}>{`${SOURCE_STYLE[source].tag}  `}</Text>
            {`${PRIORITY[source]} ${SOURCE_STYLE[source].label}`}
          </Text>
        ))}
        <Text wrap="truncate" dimColor>
          ↯ displaced at least once · ◀ now: the slot the clock is in · Esc closes
        </Text>
      </Box>
    );
  }
  // Short labels: "← → or Tab / Shift+Tab" is "← →" here.
  const short = keys.map(([label, action]): [string, string] => [label.split(' or ')[0]!, action]);
  const labelWidth = Math.min(12, Math.max(...short.map(([label]) => label.length)) + 1);
  const chips = (
    <>
      {SOURCES.map((source) => (
        <Text key={source} color={SOURCE_STYLE[source].color} bold={SOURCE_STYLE[source].bold ?? false}>{`${SOURCE_STYLE[source].tag} `}</Text>
      ))}
      <Text dimColor>seen in this order · ↯ displaced</Text>
    </>
  );
  if (short.length + 1 <= height) {
    // 80x24: one key a line with its whole description, the chips on the title line, no border.
    return (
      <Box flexDirection="column" height={height} overflowY="hidden" paddingX={1}>
        <Text wrap="truncate">
          <Text bold>{'Keys  '}</Text>
          {chips}
        </Text>
        {short.map(([label, action]) => (
          <Text key={label} wrap="truncate">
            <Text bold>{label.padEnd(labelWidth)}</Text>
            {action}
          </Text>
        ))}
      </Box>
    );
  }
  const half = Math.ceil(short.length / 2);
  const columnWidth = Math.max(10, Math.floor((width - 5) / 2));
  const column = (part: [string, string][]) => (
    <Box flexDirection="column" width={columnWidth} flexShrink={0}>
      {part.map(([label, action]) => (
        <Text key={label} wrap="truncate">
          <Text bold>{label.length < labelWidth ? label.padEnd(labelWidth) : `${label} `}</Text>
          {action}
        </Text>
      ))}
    </Box>
  );
  return (
    <Box flexDirection="column" height={height} overflowY="hidden" borderStyle="round" paddingX={1}>
      <Box flexShrink={0}>
        {column(short.slice(0, half))}
        <Text> </Text>
        {column(short.slice(half))}
      </Box>
      <Text wrap="truncate">{chips}</Text>
    </Box>
  );
}
