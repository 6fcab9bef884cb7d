import { Box } from 'ink';
import { Text } from './safe-text.js';
import type { ChoiceListState } from './choice-list-state.js';

/** Draws the rows of a choice list in view, the highlighted one marked ❯. Input is elsewhere. */
export function ChoiceList({ labels, state, limit }: { labels: readonly string[]; state: ChoiceListState; limit: number }) {
  const shown = labels.slice(state.top, state.top + limit);
  return (
    <Box flexDirection="column">
      {shown.map((label, i) => {
        const selected = state.top + i === state.at;
        return (
          <Box key={`${state.top + i}`}>
            <Box marginRight={1}>{selected ? <Text color="blue">❯</Text> : <Text> </Text>}</Box>
            <Text color={selected ? 'blue' : undefined}>{label}</Text>
          </Box>
        );
      })}
    </Box>
  );
}
