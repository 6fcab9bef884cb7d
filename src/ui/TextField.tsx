import { Text } from './safe-text.js';
import { clustersOf, type TextFieldState } from './text-field-state.js';

/** Draws a text field with its cursor (inverse), or its placeholder when empty. Input is elsewhere. */
export function TextField({ state, placeholder = '' }: { state: TextFieldState; placeholder?: string }) {
  const characters = clustersOf(state.value);
  if (characters.length === 0) {
    return placeholder.length > 0 ? (
      <Text>
        <Text inverse>{placeholder[0]}</Text>
        <Text color="gray">{placeholder.slice(1)}</Text>
      </Text>
    ) : (
      <Text inverse> </Text>
    );
  }
  const before = characters.slice(0, state.cursor).join('');
  const at = characters[state.cursor] ?? ' ';
  const after = characters.slice(state.cursor + 1).join('');
  return (
    <Text>
      {before}
      <Text inverse>{at}</Text>
      {after}
    </Text>
  );
}
