/**
 * The only `Text` the screens use: every string it is given goes through `terminalSafe` first,
 * so a name from an older journal, a pasted key or an error quoting user text can never move
 * the cursor, retitle the window or reorder a line; and is drawn with `plainClusters`, so a
 * cluster terminals measure differently (`🙏🏽`) cannot shift the frame. Lint forbids ink's own
 * `Text` in the screens.
 */
// eslint-disable-next-line no-restricted-imports -- the one place ink's Text is wrapped
import { Text as InkText } from 'ink';
import { Children, type ComponentProps, type ReactNode } from 'react';
import { plainClusters } from '../text/terminal-drawn.js';
import { terminalSafe } from '../text/terminal-safe.js';

function safeChild(child: ReactNode): ReactNode {
  if (typeof child === 'string') return terminalSafe(plainClusters(child));
  if (typeof child === 'number' || typeof child === 'bigint') return String(child);
  return child;
}

export function Text({ children, ...props }: ComponentProps<typeof InkText>) {
  return <InkText {...props}>{Children.map(children, safeChild)}</InkText>;
}
