import { Box, Text } from 'ink';
import type { KeyPress } from './key-burst.js';

/** y yes; n or Esc no; Ctrl+C yes only where it means the same (quitting). */
export function confirmAnswerOf({ input, key }: KeyPress, ctrlCIsYes = false): 'yes' | 'no' | null {
  if (input === 'y' || input === 'Y' || (ctrlCIsYes && key.ctrl && input === 'c')) return 'yes';
  if (input === 'n' || input === 'N' || key.escape) return 'no';
  return null;
}

/** Asks before anything that cannot be undone. Draws only; the screen that asks takes the answer. */
export function ConfirmDialog({ title, detail }: { title: string; detail?: string | undefined }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold wrap="wrap">{title}</Text>
      {detail !== undefined && <Text wrap="wrap">{detail}</Text>}
      <Text>
        <Text bold inverse> y </Text> yes   <Text bold inverse> n </Text> no
      </Text>
    </Box>
  );
}
