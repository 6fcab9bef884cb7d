import { Box } from 'ink';
import { Text } from './safe-text.js';
import { SOURCE_STYLE } from './theme.js';
import { PRIORITY, SOURCES } from '../engine/index.js';
import { helpLines } from './keymap.js';

/** Every key, and what the chip colours mean. Draws only; the desk closes it. */
export function HelpOverlay({ height }: { height: number }) {
  return (
    <Box flexDirection="column" height={height} overflowY="hidden" borderStyle="round" paddingX={1}>
      <Text bold>Keys</Text>
      {helpLines().map(([keys, action]) => (
        <Text key={keys} wrap="truncate">
          <Text bold>{keys.padEnd(24)}</Text>
          {action}
        </Text>
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
