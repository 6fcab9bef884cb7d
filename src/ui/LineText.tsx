import { Text } from './safe-text.js';
import type { Line } from './lines.js';

/** One laid-out line: its segments side by side, never wrapped (the safe Text neutralises controls). */
export function LineText({ line }: { line: Line }) {
  return (
    <Text wrap="truncate">
      {line.map((segment, i) => (
        <Text
          key={i}
          {...(segment.color !== undefined && { color: segment.color })}
          {...(segment.backgroundColor !== undefined && { backgroundColor: segment.backgroundColor })}
          bold={segment.bold ?? false}
          dimColor={segment.dim ?? false}
          inverse={segment.inverse ?? false}
        >
          {segment.text}
        </Text>
      ))}
    </Text>
  );
}
