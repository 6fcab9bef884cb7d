import { Box } from 'ink';
import { Text } from './safe-text.js';
import type { KeyPress } from './key-burst.js';
import { matchKey } from './keymap.js';

/** y yes; n or Esc no; Ctrl+C yes only where it means the same (quitting). */
export function confirmAnswerOf(press: KeyPress, ctrlCIsYes = false): 'yes' | 'no' | null {
  const action = matchKey('question', press)?.action as keyof typeof QUESTION_ANSWERS | undefined;
  return action === undefined ? null : QUESTION_ANSWERS[action](ctrlCIsYes);
}

/** What each question binding of the keymap answers. */
export const QUESTION_ANSWERS = {
  yes: () => 'yes',
  no: () => 'no',
  back: () => 'no',
  'quit-now': (ctrlCIsYes: boolean) => (ctrlCIsYes ? 'yes' : null),
} as const satisfies Record<string, (ctrlCIsYes: boolean) => 'yes' | 'no' | null>;

/** Asks before anything that cannot be undone. Draws only; the screen that asks takes the answer. */
export function ConfirmDialog({ title, detail }: { title: string; detail?: string | undefined }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold wrap="wrap">
        {title}
      </Text>
      {detail !== undefined && <Text wrap="wrap">{detail}</Text>}
      <YesNoLine />
    </Box>
  );
}

/** The answer keys of a question, after the question itself when it shares their line. */
export function YesNoLine({ question }: { question?: string }) {
  return (
    <Text>
      {question !== undefined && <Text bold>{`${question} `}</Text>}
      <Text bold inverse>
        {' y '}
      </Text>
      {' yes   '}
      <Text bold inverse>
        {' n '}
      </Text>
      {' no'}
    </Text>
  );
}
