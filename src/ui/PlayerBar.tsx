import { Box } from 'ink';
import { Text } from './safe-text.js';
import { formatTime, OPENING_TIME } from '../engine/index.js';
import { speedOf, type PlayerState } from '../simulation/player.js';
import { ACCENT } from './theme.js';

interface Props {
  width: number;
  state: PlayerState;
  closesAt: number;
  played: number;
  total: number;
}

/** Play state, speed, and the day's progress from opening to close. */
export function PlayerBar({ width, state, closesAt, played, total }: Props) {
  const label = state.playing ? '▶ playing' : '⏸ paused ';
  const speed = `${String(speedOf(state)).padStart(2)}x`;
  const time = formatTime(Math.floor(state.minute));
  const counter = `${played}/${total} events`;
  const barWidth = Math.max(10, width - label.length - speed.length - counter.length - 28);
  const share = Math.min(1, Math.max(0, (state.minute - OPENING_TIME) / Math.max(1, closesAt - OPENING_TIME)));
  const filled = Math.round(share * barWidth);
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        <Text bold color={state.playing ? ACCENT : 'yellow'}>{` ${label} `}</Text>
        <Text bold>{speed}</Text>
        <Text>{`  ${formatTime(OPENING_TIME)} `}</Text>
        <Text color={ACCENT}>{'█'.repeat(filled)}</Text>
        <Text dimColor>{'░'.repeat(barWidth - filled)}</Text>
        <Text>{` ${formatTime(closesAt)}  `}</Text>
        <Text bold inverse>{` ${time} `}</Text>
        <Text dimColor>{`  ${counter}`}</Text>
      </Text>
    </Box>
  );
}
