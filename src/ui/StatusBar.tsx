import { Box } from 'ink';
import { Text } from './safe-text.js';
import { useDesk } from './desk-context.js';
import type { Tone } from '../store/desk-store.js';

const TONE_COLOR: Record<Tone, string> = { ok: 'green', warn: 'yellow', error: 'red' };

export interface KeyHint {
  key: string;
  action: string;
}

/** The server out of reach, or the last result (or a notice), and the keys that work right now. */
export function StatusBar({ width, hints, notice }: { width: number; hints: KeyHint[]; notice: string | null }) {
  const last = useDesk((state) => state.last);
  // A remote desk whose server is out of reach says so before anything else.
  const link = useDesk((state) => state.link);
  // Boxed keys when they fit, plain ones on a narrow terminal, so every hint stays visible.
  const roomy = hints.reduce((sum, hint) => sum + hint.key.length + hint.action.length + 5, 0) <= width;
  return (
    <Box flexDirection="column" width={width} height={2}>
      {link !== null ? (
        <Text wrap="truncate" color="red" bold>
          {link}
        </Text>
      ) : notice !== null ? (
        <Text wrap="truncate" color="yellow">
          {notice}
        </Text>
      ) : last ? (
        <Text wrap="truncate" color={TONE_COLOR[last.tone]}>
          {last.text}
        </Text>
      ) : (
        <Text wrap="truncate" dimColor>
          Ready. b books a patient, ? lists every key.
        </Text>
      )}
      <Text wrap="truncate">
        {hints.map((hint, i) => (
          <Text key={hint.key}>
            {i > 0 ? (roomy ? '  ' : ' ') : ''}
            <Text bold inverse>
              {roomy ? ` ${hint.key} ` : hint.key}
            </Text>
            <Text dimColor>{` ${hint.action}`}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  );
}
