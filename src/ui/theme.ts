import type { Source } from '../engine/index.js';

/** Colour and short tag per source; emergencies must stand out at a glance. */
export const SOURCE_STYLE: Record<Source, { color: string; tag: string; label: string; bold?: boolean }> = {
  EMERGENCY: { color: 'red', tag: 'EMR', label: 'Emergency', bold: true },
  PAID: { color: 'yellow', tag: 'PAY', label: 'Paid priority' },
  FOLLOW_UP: { color: 'cyan', tag: 'F/U', label: 'Follow-up' },
  ONLINE: { color: 'blue', tag: 'ONL', label: 'Online booking' },
  WALK_IN: { color: 'white', tag: 'WLK', label: 'Walk-in' },
};

export const ACCENT = 'green';

/** Background of a chip the last update changed: placed, moved to overflow, promoted. */
export const HIGHLIGHT_COLOR = { new: 'green', moved: 'magenta', promoted: 'cyan' } as const;
