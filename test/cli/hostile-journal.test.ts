/** Journals opened safely from the command line: refusals in words, read-only readers, tamper evidence, escapes neutralised. */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDay, defaultRoster, execute } from '../../src/engine/index.js';
import { SqliteJournal } from '../../src/journal/sqlite-journal.js';

const CLI = join(import.meta.dirname, '../../dist/opd-desk.js');
const DATE = '2026-03-02';
const ESCAPES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function opdDesk(args: string[], input = '', asUser?: number) {
  const command = asUser === undefined ? process.execPath : 'setpriv';
  const full = asUser === undefined ? [CLI, ...args] : [`--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', process.execPath, CLI, ...args];
  return spawnSync(command, full, { encoding: 'utf8', input, timeout: 30_000 });
}
const folder = () => mkdtempSync(join(tmpdir(), 'opd-desk-hostile-journal-'));
const script = (...commands: object[]) => commands.map((c) => JSON.stringify(c)).join('\n');
const book = (patient: string, extra: object = {}) => ({ op: 'book', doctor: 'sharma', patient, ...extra });

/** A journal of DATE with three bookings. */
function dayOf(dir = folder()): string {
  const data = join(dir, 'desk.db');
  const run = opdDesk(['apply', '-', '--data', data, '--date', DATE], script(book('Asha'), book('Ravi'), book('Meena')));
  expect(run.status).toBe(0);
  return data;
}
function edit(file: string, sql: string) {
  const raw = new Database(file);
  raw.exec(sql);
  raw.close();
}

describe('tamper evidence', () => {
  const cases: [string, string, number][] = [
    ['a row removed from the middle', 'DELETE FROM commands WHERE seq = 2', 2],
    ['the last row removed', 'DELETE FROM commands WHERE seq = 3', 3],
    ['a command edited', `UPDATE commands SET command = '{"op":"book","doctor":"sharma","patient":"Eve"}' WHERE seq = 2`, 2],
    ['a result edited', `UPDATE commands SET result = '{"op":"book","status":"ALLOCATED","token":"SHR-009","slot":"09:00-10:00"}' WHERE seq = 3`, 3],
    [
      'a row forged at the end',
      `INSERT INTO commands (date, seq, command, result, at, desk, hash) VALUES ('${DATE}', 4, '{"op":"clock","time":"09:00"}', '{"op":"clock","status":"OK","time":"09:00"}', 'x', 'x', 'x')`,
      4,
    ],
    [
      'a seq of 0',
      `INSERT INTO commands (date, seq, command, result, at, desk, hash) VALUES ('${DATE}', 0, '{"op":"clock","time":"09:00"}', '{"op":"clock","status":"OK","time":"09:00"}', 'x', 'x', 'x')`,
      0,
    ],
  ];
  for (const [what, sql, seq] of cases) {
    it(`${what}: the day is refused naming seq ${seq} (by apply and report), and verify says so`, () => {
      const data = dayOf();
      edit(data, sql);
      const open = opdDesk(['apply', '-', '--data', data, '--date', DATE], script(book('Zoya')));
      expect(open.status).toBe(2);
      expect(open.stderr).toMatch(new RegExp(`altered at seq ${seq}`));
      const report = opdDesk(['report', '--data', data, '--date', DATE]);
      expect(report.status).toBe(2);
      expect(report.stderr).toMatch(new RegExp(`altered at seq ${seq}`));
      const verify = opdDesk(['verify', '--data', data]);
      expect(verify.status).toBe(1);
      expect(verify.stdout).toContain(`${DATE}: altered at seq ${seq}`);
    });
  }

  it('verify passes an untouched journal', () => {
    const verify = opdDesk(['verify', '--data', dayOf(), '--date', DATE]);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toBe(`${DATE}: 3 entries, chain intact\n`);
  });

  it('a journal written before tamper evidence opens, and is chained on its first write-open', () => {
    const data = join(folder(), 'old.db');
    edit(
      data,
      `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE days (date TEXT PRIMARY KEY, roster TEXT NOT NULL, started_at TEXT NOT NULL, started_by TEXT NOT NULL);
      CREATE TABLE commands (date TEXT NOT NULL, seq INTEGER NOT NULL, command TEXT NOT NULL, result TEXT NOT NULL, at TEXT NOT NULL, desk TEXT NOT NULL, PRIMARY KEY (date, seq)) WITHOUT ROWID;
      INSERT INTO meta VALUES ('format', 'opd-desk-journal'), ('version', '1');
      INSERT INTO days VALUES ('${DATE}', '${JSON.stringify(defaultRoster()).replace(/'/g, "''")}', 'x', 'old');
      INSERT INTO commands VALUES ('${DATE}', 1, '{"op":"book","doctor":"sharma","patient":"Asha"}', '{"op":"book","status":"ALLOCATED","token":"SHR-001","slot":"09:00-10:00"}', '2026-03-02T09:00:00.000Z', 'old');
    `,
    );
    expect(opdDesk(['verify', '--data', data]).stdout).toMatch(/written before tamper evidence/);
    expect(opdDesk(['log', '--data', data, '--date', DATE]).status).toBe(0);
    const next = opdDesk(['apply', '-', '--data', data, '--date', DATE], script(book('Ravi')));
    expect(next.stdout).toContain('line 1  book      ALLOCATED SHR-002');
    expect(opdDesk(['verify', '--data', data]).stdout).toBe(`${DATE}: 2 entries, chain intact\n`);
  });
});

describe('damaged rows are refused in words', () => {
  it('a row that is not JSON, a null command, a doctor stored as a number, a garbage roster: exit 2, never a crash', () => {
    for (const sql of [
      "UPDATE commands SET command = 'not json' WHERE seq = 2",
      "UPDATE commands SET command = 'null' WHERE seq = 2",
      `UPDATE commands SET command = '{"op":"book","doctor":7,"patient":"A"}' WHERE seq = 2`,
      "UPDATE commands SET result = '[]' WHERE seq = 2",
      'UPDATE days SET roster = \'{"doctors":42}\'',
    ]) {
      const data = dayOf();
      edit(data, sql);
      for (const args of [['log'], ['export', '--format', 'csv'], ['apply', '-']]) {
        const run = opdDesk([...args, '--data', data, '--date', DATE]);
        expect(run.status, `${sql} / ${args[0]}`).toBe(2);
        expect(run.stderr).toMatch(/damaged|altered/);
        expect(run.stderr).not.toMatch(/\n\s+at /);
      }
    }
  });
});

describe('opening journals safely', () => {
  it('log, export and verify read a read-only backup in a read-only folder, changing nothing', () => {
    const dir = folder();
    const data = dayOf(dir);
    chmodSync(data, 0o400);
    chmodSync(dir, 0o555);
    const nobody = process.getuid?.() === 0 ? 65534 : undefined;
    if (nobody !== undefined) {
      // user nobody must be able to read the file, still in a folder it cannot write
      chmodSync(dir, 0o777);
      chmodSync(data, 0o644);
      chmodSync(dir, 0o555);
    }
    const before = readdirSync(dir).sort();
    for (const args of [['log'], ['export', '--format', 'json'], ['verify']]) {
      const run = opdDesk([...args, '--data', data, '--date', DATE], '', nobody);
      expect(run.status, `${args[0]}: ${run.stderr}`).toBe(0);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(lstatSync(data).mode & 0o777).toBe(nobody === undefined ? 0o400 : 0o644);
  });

  it('a read-only backup in a read-only folder, with no usable temporary folder: readers say what to do, in words', () => {
    const dir = folder();
    const data = dayOf(dir);
    chmodSync(data, 0o644);
    chmodSync(dir, 0o555);
    const nobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const parent = folder();
    chmodSync(parent, 0o755); // user nobody may look in it, and find no temporary folder there
    for (const args of [['log'], ['export', '--format', 'csv'], ['report'], ['verify']]) {
      const [command, ...prefix] = [...nobody, process.execPath];
      const run = spawnSync(command!, [...prefix, CLI, ...args, '--data', data, '--date', DATE], {
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: join(parent, 'missing') },
      });
      expect(run.status, `${args[0]}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toContain('is in a folder that cannot be written, so it is read from a private copy in the temporary folder');
      expect(run.stderr).toContain('the folder does not exist. Set TMPDIR to a folder with 1 MB free, or copy the journal to a folder that can be written');
      expect(run.stderr).not.toMatch(/ENOENT|mkdtemp|\n\s+at /);
    }
  });

  it('an empty file: readers refuse it and write nothing; apply sets it up without changing its mode', () => {
    const dir = folder();
    const data = join(dir, 'empty.db');
    writeFileSync(data, '');
    chmodSync(data, 0o640);
    const log = opdDesk(['log', '--data', data, '--date', DATE]);
    expect(log.status).toBe(2);
    expect(log.stderr).toMatch(/is empty: it is not an opd-desk journal/);
    expect(lstatSync(data).size).toBe(0);
    expect(readdirSync(dir)).toEqual(['empty.db']);
    expect(opdDesk(['apply', '-', '--data', data, '--date', DATE], script(book('Asha'))).status).toBe(0);
    expect(lstatSync(data).mode & 0o777).toBe(0o640);
  });

  it('a symlink, a folder, a text file are refused in words, with no -wal or -shm left beside them', () => {
    const dir = folder();
    const target = dayOf(folder());
    symlinkSync(target, join(dir, 'link.db'));
    writeFileSync(join(dir, 'notes.txt'), 'x');
    mkdirSync(join(dir, 'sub'));
    const cases: [string, RegExp][] = [
      ['link.db', /is a symbolic link/],
      ['notes.txt', /is not an opd-desk journal \(not a database\)/],
      ['sub', /is a folder, not a journal file/],
      ['nowhere/desk.db', /the folder .*nowhere does not exist/],
    ];
    for (const [name, message] of cases) {
      const run = opdDesk(['apply', '-', '--data', join(dir, name), '--date', DATE], script(book('A')));
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/ENOENT|EISDIR|EEXIST|ENOTDIR/);
    }
    expect(readdirSync(dir).sort()).toEqual(['link.db', 'notes.txt', 'sub']);
  });

  it('a --data path through a file (ENOTDIR) is a usage error', () => {
    const file = join(folder(), 'one.jsonl');
    writeFileSync(file, '');
    const run = opdDesk(['apply', '-', '--data', join(file, 'sub', 'x.db')], script(book('A')));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^opd-desk: cannot /);
  });

  it('log, export and report into a closed pipe end quietly', () => {
    const data = join(folder(), 'desk.db');
    const journal = SqliteJournal.open(data);
    journal.startDay({ date: DATE, roster: defaultRoster() }, 'bench');
    const day = createDay(defaultRoster());
    journal.exclusive((locked) => {
      for (let seq = 1; seq <= 3000; seq++) {
        const command = { op: 'book', doctor: ['sharma', 'reddy', 'kapoor'][seq % 3]!, patient: `P${seq}` } as const;
        locked.append(DATE, { seq, command, result: execute(day, command, { events: false }).result, at: '2026-03-02T09:00:00.000Z', desk: 'x' });
      }
    });
    journal.close();
    for (const args of ['log', 'export --format csv', 'export --format json', 'report']) {
      const run = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" ${args} --data "${data}" --date ${DATE} | head -1 >/dev/null`], { encoding: 'utf8' });
      expect(run.stderr, args).toBe('');
    }
  });

  it('announces a new journal file', () => {
    const data = join(folder(), 'new.db');
    const run = opdDesk(['apply', '-', '--data', data, '--date', DATE], script(book('A')));
    expect(run.stderr).toBe(`opd-desk: new day journal created at ${data}\n`);
    expect(opdDesk(['apply', '-', '--data', data, '--date', DATE], script(book('B'))).stderr).toBe('');
  });

  it('four desks creating one new journal at the same moment all succeed', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const data = join(folder(), 'desk.db');
      const runs = Array.from(
        { length: 4 },
        (_, i) =>
          new Promise<{ code: number | null; stderr: string }>((resolve) => {
            const child = spawn(process.execPath, [CLI, 'apply', '-', '--data', data, '--date', DATE]);
            let stderr = '';
            child.stderr.on('data', (chunk) => (stderr += chunk));
            child.on('close', (code) => resolve({ code, stderr }));
            child.stdin.end(script(book(`P${i}`)));
          }),
      );
      for (const run of await Promise.all(runs)) {
        expect(run.stderr).not.toMatch(/already exists/);
        expect(run.code).toBe(0);
      }
      expect(opdDesk(['verify', '--data', data]).stdout).toBe(`${DATE}: 4 entries, chain intact\n`);
    }
  });
});

describe('a day that replays differently', () => {
  /** A journal whose one booking was recorded as waitlisted, where a replay seats it. */
  function dayThatReplaysDifferently(): string {
    const data = join(folder(), 'desk.db');
    const journal = SqliteJournal.open(data);
    journal.startDay({ date: DATE, roster: defaultRoster() }, 'old');
    journal.exclusive((locked) =>
      locked.append(DATE, {
        seq: 1,
        command: { op: 'book', doctor: 'sharma', patient: 'Asha' },
        result: { op: 'book', status: 'WAITLISTED', token: 'SHR-001', slot: '09:00-10:00', position: 1 },
        at: '2026-03-02T09:00:00.000Z',
        desk: 'old',
      }),
    );
    journal.close();
    return data;
  }

  it('the message points to log (which shows the day, marking where) and --replay-anyway, accepted by apply and export', () => {
    const data = dayThatReplaysDifferently();
    const refused = opdDesk(['apply', '-', '--data', data, '--date', DATE], '');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`opd-desk log --date ${DATE} --replay`);
    const log = opdDesk(['log', '--data', data, '--date', DATE, '--replay']);
    expect(log.stdout).toContain('WAITLISTED SHR-001 09:00-10:00 overflow position 1  ≠ replays as ALLOCATED SHR-001 09:00-10:00');
    expect(opdDesk(['export', '--data', data, '--date', DATE, '--format', 'csv', '--replay-anyway']).status).toBe(0);
    expect(opdDesk(['apply', '-', '--data', data, '--date', DATE, '--replay-anyway'], script(book('Ravi'))).status).toBe(0);
  });

  it('report refuses such a day pointing to --replay-anyway, and accepts it', () => {
    const data = dayThatReplaysDifferently();
    const refused = opdDesk(['report', '--data', data, '--date', DATE]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--replay-anyway \(to opd-desk, apply, export or report\)/);
    const report = opdDesk(['report', '--data', data, '--date', DATE, '--replay-anyway']);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('Dr. Sharma');
  });
});

describe('escape sequences', () => {
  it('names with controls or direction overrides are refused at input, naming the field', () => {
    const dir = folder();
    const roster = join(dir, 'r.json');
    writeFileSync(
      roster,
      JSON.stringify({ doctors: [{ id: 'a', name: 'Dr. \u001b[31mA', code: 'AA', slots: [{ start: '09:00', end: '10:00', capacity: 2 }] }] }),
    );
    expect(opdDesk(['apply', '-', '--roster', roster]).stderr).toMatch(/doctors\[0\]\.name: must not contain control characters/);
    const run = opdDesk(
      ['apply', '-'],
      script(book('Inj \u001b]0;pwned\u0007'), book('\u202eevil'), book('x'.repeat(101)), { op: 'book', doctor: 'sharma\r', patient: 'A' }),
    );
    expect(run.stderr).toMatch(/:1: patient: must not contain control characters/);
    expect(run.stderr).toMatch(/:2: patient: must not contain control characters/);
    expect(run.stderr).toMatch(/:3: patient: must be at most 100 characters/);
    expect(run.stderr).toMatch(/:4: doctor: must not contain control characters/);
    expect(run.stdout + run.stderr).not.toMatch(ESCAPES);
    expect(opdDesk(['apply', '-', '--data', join(dir, 'd.db'), '--desk', 'front\u0007']).stderr).toMatch(/--desk must not contain control characters/);
  });

  it('what an old journal holds is neutralised in log, export and apply; CSV cells cannot start a formula', () => {
    const data = join(folder(), 'desk.db');
    const journal = SqliteJournal.open(data);
    journal.startDay({ date: DATE, roster: defaultRoster() }, 'old\u001b[2J');
    const names = ['Inj \u001b]0;pwned\u0007', '=HYPERLINK("x")', '\u009b31m\u202eevil'];
    journal.exclusive((locked) =>
      names.forEach((patient, i) =>
        locked.append(DATE, {
          seq: i + 1,
          command: { op: 'book', doctor: 'sharma', patient, phone: `+91 9845${i}` },
          result: { op: 'book', status: 'ALLOCATED', token: `SHR-00${i + 1}`, slot: '09:00-10:00' },
          at: '2026-03-02T09:00:00.000Z',
          desk: 'desk\u0007',
        }),
      ),
    );
    journal.close();
    for (const args of [['log'], ['export', '--format', 'csv'], ['export', '--format', 'json'], ['apply', '-']]) {
      const run = opdDesk([...args, '--data', data, '--date', DATE]);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(ESCAPES);
    }
    const csv = opdDesk(['export', '--format', 'csv', '--data', data, '--date', DATE]).stdout;
    expect(csv).toContain(`SHR-002,"'=HYPERLINK(""x"")",'+9198451,sharma`);
    expect(csv).toContain('SHR-001,Inj ␛]0;pwned␇,');
  });
});

describe('report on an old journal with controls in names', () => {
  it('the unserved patients it names (left waiting at the close) reach the terminal neutralised', () => {
    const data = join(folder(), 'desk.db');
    const roster = { doctors: [{ id: 'sharma', name: 'Dr. Sharma', code: 'SHR', slots: [{ start: '09:00', end: '10:00', capacity: 1 }] }] };
    const journal = SqliteJournal.open(data);
    journal.startDay({ date: DATE, roster }, 'old');
    const day = createDay(roster);
    const commands = [
      { op: 'book', doctor: 'sharma', patient: 'Asha', slot: '09:00' },
      { op: 'book', doctor: 'sharma', patient: 'Inj \u001b]52;c;eA==\u0007', slot: '09:00' },
      { op: 'book', doctor: 'sharma', patient: '\u009b2J\u202eevil', slot: '09:00' },
      { op: 'clock', time: '10:00' },
    ] as const;
    journal.exclusive((locked) =>
      commands.forEach((command, i) =>
        locked.append(DATE, { seq: i + 1, command, result: execute(day, command, { events: false }).result, at: '2026-03-02T09:00:00.000Z', desk: 'old' }),
      ),
    );
    journal.close();
    const text = opdDesk(['report', '--data', data, '--date', DATE]);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Inj ␛]52;c;eA==␇');
    expect(text.stdout + text.stderr).not.toMatch(ESCAPES);
    const json = opdDesk(['report', '--data', data, '--date', DATE, '--json']);
    expect(json.status).toBe(0);
    expect(json.stdout).not.toMatch(ESCAPES);
    expect(JSON.parse(json.stdout).totals.unserved).toBe(2);
  });
});

describe('the command line', () => {
  it('unknown commands and options name themselves and point to --help; --version; an impossible date', () => {
    const unknown = opdDesk(['bogus']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "bogus".*--help/);
    const option = opdDesk(['apply', '-', '--bogus']);
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(/unknown option '--bogus'[\s\S]*--help/);
    const version = opdDesk(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe('0.1.0\n');
    const date = opdDesk(['apply', '-', '--data', join(folder(), 'd.db'), '--date', '2026-02-30']);
    expect(date.status).toBe(2);
    expect(date.stderr).toContain('--date 2026-02-30 does not exist: February 2026 has 28 days');
  });

  it("export --unserved lists the day's unserved patients with phones", () => {
    const data = join(folder(), 'desk.db');
    const roster = join(folder(), 'r.json');
    writeFileSync(roster, JSON.stringify({ doctors: [{ id: 'a', name: 'Dr. A', code: 'AA', slots: [{ start: '09:00', end: '10:00', capacity: 1 }] }] }));
    opdDesk(
      ['apply', '-', '--data', data, '--date', DATE, '--roster', roster],
      script(
        { op: 'book', doctor: 'a', patient: 'Asha', phone: '98450 11111' },
        { op: 'book', doctor: 'a', patient: 'Ravi', phone: '98450 22222' },
        { op: 'clock', time: '10:00' },
      ),
    );
    const run = opdDesk(['export', '--unserved', '--data', data, '--date', DATE]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'token,patient,phone,doctor,slot,source,status,issued,seated,ended\nAA-002,Ravi,9845022222,a,09:00-10:00,WALK_IN,UNSERVED,08:00,,10:00\n',
    );
  });

  it('simulate refuses a model that asks for more patients than it holds, saying so', () => {
    const model = join(folder(), 'm.json');
    writeFileSync(model, JSON.stringify({ walkInsPerHour: 10_000 }));
    const run = opdDesk(['simulate', '--headless', '--model', model]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/expect about [\d,]+ patients in the day; a simulation takes at most 100,000/);
  });

  it('the version matches package.json', async () => {
    const { VERSION } = await import('../../src/cli/version.js');
    const pkg = JSON.parse(spawnSync('cat', [join(import.meta.dirname, '../../package.json')], { encoding: 'utf8' }).stdout) as { version: string };
    expect(VERSION).toBe(pkg.version);
    expect(existsSync(CLI)).toBe(true);
  });
});
