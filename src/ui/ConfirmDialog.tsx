import { Box, Text, useInput } from 'ink';

interface Props {
  title: string;
  detail?: string;
  onYes: () => void;
  onNo: () => void;
  /** Ctrl+C while asking to quit quits at once. */
  ctrlCIsYes?: boolean;
}

/** Asks before anything that cannot be undone: y yes, n or Esc no. */
export function ConfirmDialog({ title, detail, onYes, onNo, ctrlCIsYes = false }: Props) {
  useInput((input, key) => {
    if (input === 'y' || input === 'Y' || (ctrlCIsYes && key.ctrl && input === 'c')) onYes();
    else if (input === 'n' || input === 'N' || key.escape) onNo();
  });
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
