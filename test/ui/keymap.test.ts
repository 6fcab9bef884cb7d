import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORM_ACTIONS } from '../../src/ui/use-booking-form-input.js';
import { AWAY_ACTIONS } from '../../src/ui/use-away-dialog-input.js';
import { MOVE_ACTIONS } from '../../src/ui/use-move-form-input.js';
import { CANCEL_ACTIONS } from '../../src/ui/use-cancel-dialog-input.js';
import { BOARD_ACTIONS, DETAIL_ACTIONS, HELP_ACTIONS } from '../../src/ui/use-desk-input.js';
import { LOBBY_ACTIONS } from '../../src/ui/LobbyBoard.js';
import { QUESTION_ANSWERS } from '../../src/ui/ConfirmDialog.js';
import { FILM_ACTIONS } from '../../src/ui/SimulationApp.js';
import { bindingsOf, deskBindings, helpLines, hintsOf, KEYMAP, matchKey, readmeKeyTable, type Screen } from '../../src/ui/keymap.js';

const HANDLED: Record<Screen, readonly string[]> = {
  board: Object.keys(BOARD_ACTIONS),
  help: Object.keys(HELP_ACTIONS),
  callbacks: Object.keys(HELP_ACTIONS),
  question: Object.keys(QUESTION_ANSWERS),
  form: Object.keys(FORM_ACTIONS),
  cancel: Object.keys(CANCEL_ACTIONS),
  move: Object.keys(MOVE_ACTIONS),
  away: Object.keys(AWAY_ACTIONS),
  film: Object.keys(FILM_ACTIONS),
  report: ['quit'],
  detail: Object.keys(DETAIL_ACTIONS),
  lobby: Object.keys(LOBBY_ACTIONS),
};

describe('the keymap', () => {
  it('has a handler and a help line for every binding', () => {
    for (const binding of KEYMAP) {
      expect(HANDLED[binding.screen], `${binding.screen} ${binding.action}`).toContain(binding.action);
      expect(binding.help.length, `${binding.screen} ${binding.action}`).toBeGreaterThan(0);
      expect(binding.keys.length).toBeGreaterThan(0);
    }
  });

  it('binds each key once per screen', () => {
    for (const screen of Object.keys(HANDLED) as Screen[]) {
      const keys = bindingsOf(screen).flatMap((binding) => binding.keys.map((spec) => JSON.stringify({ ...spec, delta: undefined })));
      expect(new Set(keys).size, screen).toBe(keys.length);
    }
  });

  it('matches keys to actions, Shift+Tab before Tab, Ctrl+C apart from c', () => {
    expect(matchKey('board', { input: '', key: { tab: true, shift: true } })).toEqual({ action: 'doctor', delta: -1 });
    expect(matchKey('board', { input: '', key: { tab: true } })).toEqual({ action: 'doctor', delta: 1 });
    expect(matchKey('board', { input: '', key: { pageUp: true } })).toEqual({ action: 'page', delta: -1 });
    expect(matchKey('board', { input: 'c', key: { ctrl: true } })?.action).toBe('quit');
    expect(matchKey('board', { input: 'c', key: {} })?.action).toBe('cancel');
    expect(matchKey('board', { input: 'z', key: {} })).toBeNull();
  });

  it('gives the status bar its hints and the help its lines, PageUp/PageDown included', () => {
    expect(hintsOf('board').map((hint) => hint.key)).toEqual(['b', 'c', 'n', 't', '←→', '↑↓', '?', 'q']);
    expect(hintsOf('detail').map((hint) => hint.key)).toEqual(['Esc', '↑↓']);
    expect(helpLines().map(([keys]) => keys)).toContain('PgUp PgDn');
  });

  it('is the README’s table of the desk’s keys', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(readmeKeyTable(deskBindings()));
  });

  it('is the README’s table of the token detail’s and the lobby board’s keys', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(readmeKeyTable(bindingsOf('detail')));
    expect(readme).toContain(readmeKeyTable(bindingsOf('lobby')));
  });

  it('is the README’s table of the simulation’s keys', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(readmeKeyTable(bindingsOf('film')));
  });
});
