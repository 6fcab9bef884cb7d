/**
 * The lobby board: a full-screen view of the day for the waiting room's TV. It only reads (the
 * desk store that follows the journal as a second desk does, or a server's display feed) and
 * never sends a command; its one key leaves it.
 */
import { Box, useApp, useInput } from 'ink';
import { Text } from './safe-text.js';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { WaitingRoom } from '../engine/index.js';
import type { KeeperLink } from '../keeper/day-keeper.js';
import { selectLobby } from '../store/counter-selectors.js';
import { useDesk } from './desk-context.js';
import { keysOf } from './key-burst.js';
import { matchKey } from './keymap.js';
import { LineText } from './LineText.js';
import { LOBBY_GAP, lobbyColumn, lobbyPaging } from './lobby-layout.js';
import { useTerminalSize } from './use-terminal-size.js';

/** What each lobby binding of the keymap does. */
export const LOBBY_ACTIONS = { quit: 'quit' } as const;

/** How long each page of doctors stays up when they do not all fit. */
export const LOBBY_PAGE_MS = 8000;

/** The board of the day the desk store keeps. */
export function LobbyBoard({ title }: { title: string }) {
  return <WaitingRoomBoard title={title} lobby={useDesk(selectLobby)} />;
}

/** Where a lobby on another machine gets its view: a server's display feed. */
export interface WaitingRoomSource {
  readonly view: WaitingRoom;
  readonly link: KeeperLink;
  subscribe(listener: () => void): () => void;
}

/** The board of a server's display feed; says so while the server cannot be reached. */
export function FeedLobbyBoard({ title, feed }: { title: string; feed: WaitingRoomSource }) {
  const subscribe = useCallback((listener: () => void) => feed.subscribe(listener), [feed]);
  const view = useSyncExternalStore(subscribe, () => feed.view);
  const link = useSyncExternalStore(subscribe, () => feed.link);
  return <WaitingRoomBoard title={title} lobby={view} notice={link.notice} />;
}

export function WaitingRoomBoard({ title, lobby, notice = null }: { title: string; lobby: WaitingRoom; notice?: string | null }) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const paging = lobbyPaging(size.columns, lobby.doctors.length);
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    if (paging.pages <= 1) return;
    const timer = setInterval(() => setTurn((t) => t + 1), LOBBY_PAGE_MS);
    return () => clearInterval(timer);
  }, [paging.pages]);
  useInput((input, key) => {
    if (keysOf(input, key).some((press) => matchKey('lobby', press)?.action === 'quit')) exit();
  });
  const page = turn % paging.pages;
  const shown = lobby.doctors.slice(page * paging.perPage, (page + 1) * paging.perPage);
  // One row for the header, and the frame one row short of the terminal (as the desk's).
  const height = Math.max(6, size.rows - 2 - (notice === null ? 0 : 1));
  const right = `${paging.pages > 1 ? `page ${page + 1}/${paging.pages} · ` : ''}${lobby.clock}`;
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows - 1} overflowY="hidden">
      <Box width={size.columns} justifyContent="space-between">
        <Text bold wrap="truncate">
          {title}
        </Text>
        <Text bold>{right}</Text>
      </Box>
      {notice !== null && (
        <Text color="red" bold wrap="truncate">
          {notice}
        </Text>
      )}
      <Box height={height} columnGap={LOBBY_GAP} overflowY="hidden">
        {shown.map((doctor) => (
          <Box key={doctor.code} flexDirection="column" width={paging.columnWidth} height={height} overflowY="hidden">
            {lobbyColumn(doctor, paging.columnWidth, height).map((line, i) => (
              <LineText key={i} line={line} />
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
