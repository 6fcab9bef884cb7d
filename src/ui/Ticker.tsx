import { Box } from 'ink';
import { Text } from './safe-text.js';
import { useDesk } from './desk-context.js';

/** The most recent events, newest last. */
export function Ticker({ height, width }: { height: number; width: number }) {
  const ticker = useDesk((state) => state.ticker);
  if (height <= 0) return null;
  const shown = ticker.slice(-(height - 1));
  return (
    <Box flexDirection="column" height={height} width={width} overflowY="hidden">
      <Text dimColor wrap="truncate">{`── recent ${'─'.repeat(Math.max(0, width - 10))}`}</Text>
      {shown.map((line) => (
        <Text key={line.id} wrap="truncate" {...(line.kind === 'displaced' || line.kind === 'unserved' || line.kind === 'rejected' ? { color: 'red' } : {})}>
          <Text dimColor>{line.time} </Text>
          {line.elsewhere ? '⇄ ' : ''}
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
