/**
 * The doctor-away dialog's view (SPEC §5 `absent`): doctor, from, to; then who would be rebooked
 * where, as the engine's preview (previewAbsence) says it, and a question; then what was done.
 * State: ./away-dialog-state.ts; keys: ./use-away-dialog-input.ts.
 */
import { Box } from 'ink';
import { Text } from './safe-text.js';
import { useEffect, type ReactNode } from 'react';
import { absenceReport, formatTime, previewAbsence, type AbsencePreview, type Result } from '../engine/index.js';
import {
  absentCommandOf,
  awayFieldOf,
  initialAwayDialog,
  reduceAwayDialog,
  type AwayAction,
  type AwayChoices,
  type AwayDialogState,
  type AwayField,
} from './away-dialog-state.js';
import { ChoiceList } from './ChoiceList.js';
import { YesNoLine } from './ConfirmDialog.js';
import { useDesk, useDeskStore } from './desk-context.js';
import type { ListenForKeys } from './screen-keys.js';
import { TextField } from './TextField.js';
import { ACCENT } from './theme.js';
import { useAwayDialogInput } from './use-away-dialog-input.js';
import { useReducerNow } from './use-reducer-now.js';

interface Props {
  height: number;
  /** The doctor to start on (the selected column). */
  doctor: number;
  onDone: (result: Result) => void;
  onCancel: () => void;
  /** How the dialog gets its keys from the desk. */
  listen: ListenForKeys;
}

const LABEL: Record<AwayField, string> = { doctor: 'Doctor', from: 'From', to: 'To' };

/** The report's lines, as many as `room` allows, the rest counted. */
function reportLines(report: AbsencePreview, room: number): string[] {
  const lines = [...(report.completed !== undefined ? [`${report.completed}: consultation finished`] : []), ...report.lines];
  if (lines.length <= room) return lines;
  return [...lines.slice(0, Math.max(0, room - 1)), `… and ${lines.length - Math.max(0, room - 1)} more`];
}

/** The slots that go off: listed when few, else as one span (`11:00-17:00, 5 slots`). */
function span(slots: readonly string[]): string {
  if (slots.length <= 2) return slots.join(', ');
  return `${slots[0]!.slice(0, 5)}-${slots.at(-1)!.slice(6)}, ${slots.length} slots`;
}

function counted(report: AbsencePreview): string {
  const unserved = report.unserved > 0 ? `, ${report.unserved} unserved` : '';
  return `${report.rebooked} rebooked${unserved}`;
}

export function AwayDialog({ height, doctor: initialDoctor, onDone, onCancel, listen }: Props) {
  const store = useDeskStore();
  const version = useDesk((state) => state.version);
  const day = store.getState().day;
  const listLimit = Math.max(3, height - 8);
  const choices: AwayChoices = {
    doctorIds: day.doctors.map((d) => d.id),
    listLimit,
    refusal: (command) => {
      const said = previewAbsence(store.getState().day, command);
      return said.ok ? null : { error: said.error, field: awayFieldOf(said.field) };
    },
  };
  const [state, dispatch, now] = useReducerNow(
    (s: AwayDialogState, a: AwayAction) => reduceAwayDialog(s, a, choices),
    () => initialAwayDialog(initialDoctor, choices),
  );
  useAwayDialogInput({ now, dispatch, send: (command) => store.getState().send(command), onDone, onCancel }, listen);
  useEffect(() => {
    dispatch({ type: 'day-changed' });
  }, [version, dispatch]);

  const doctor = day.doctors[state.doctor]!;
  const row = (field: AwayField, value: string, placeholder: string) => {
    const active = state.step === field;
    return (
      <Box key={field}>
        <Text color={active ? ACCENT : undefined} bold={active}>{`${active ? '▸' : ' '} ${LABEL[field].padEnd(7)}`}</Text>
        {active && field !== 'doctor' ? <TextField state={state[field]} placeholder={placeholder} /> : <Text dimColor={!value}>{value || placeholder}</Text>}
        {state.errors[field] !== undefined && (
          <Text color="red" wrap="truncate">
            {`  ✗ ${state.errors[field]}`}
          </Text>
        )}
      </Box>
    );
  };

  const room = Math.max(1, height - 9);
  let body: ReactNode;
  if (state.step === 'doctor') {
    body = <ChoiceList labels={day.doctors.map((d) => d.name)} state={state.list} limit={listLimit} />;
  } else if (state.step === 'preview') {
    const said = previewAbsence(day, absentCommandOf(state, choices));
    body = said.ok ? (
      <>
        <Text bold wrap="truncate">{`${doctor.name} away ${span(said.slots)}: ${counted(said)}`}</Text>
        {reportLines(said, room).map((line, i) => (
          <Text key={i} wrap="truncate">{`  ${line}`}</Text>
        ))}
        <YesNoLine question={`Mark ${doctor.name} away and rebook them?`} />
      </>
    ) : (
      <Text color="red" wrap="truncate">{`✗ ${said.error}`}</Text>
    );
  } else if (state.step === 'result' && state.result?.status === 'ABSENT') {
    const report = absenceReport(day, state.result);
    body = (
      <>
        <Text bold color="green" wrap="truncate">{`Done: ${doctor.name} away ${span(report.slots)}; ${counted(report)}`}</Text>
        {reportLines(report, room + 1).map((line, i) => (
          <Text key={i} wrap="truncate">{`  ${line}`}</Text>
        ))}
      </>
    );
  } else {
    body = <Text dimColor>Empty times: from now to the end of the day. Enter shows who would be rebooked where.</Text>;
  }

  const hint =
    state.step === 'result'
      ? 'Enter or Esc closes'
      : state.step === 'preview'
        ? 'y marks the doctor away · n or Esc back to the times'
        : state.step === 'doctor'
          ? 'Enter picks · Esc back out, nothing changed'
          : 'Enter next / preview · Tab / Shift+Tab move · Esc back';
  return (
    <Box flexDirection="column" height={height} overflowY="hidden" borderStyle="round" borderColor={ACCENT} paddingX={1}>
      <Text bold>A doctor is away</Text>
      {row('doctor', doctor.name, '')}
      {row('from', state.from.value, `now (${formatTime(day.clock)})`)}
      {row('to', state.to.value, 'end of the day')}
      <Box marginTop={1} flexDirection="column" flexGrow={1} overflowY="hidden">
        {body}
      </Box>
      <Text dimColor wrap="truncate">
        {hint}
      </Text>
    </Box>
  );
}
