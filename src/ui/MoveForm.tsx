/**
 * The move form's view (SPEC §5 `move`): the selected patient, then doctor and slot picked from
 * lists. Each slot row says what moving there would do, and the line under the list says the
 * whole move, both from the engine's preview (previewMove), recomputed as the day changes. Enter
 * on a slot asks; y moves. State: ./move-form-state.ts; keys: ./use-move-form-input.ts.
 */
import { Box } from 'ink';
import { Text } from './safe-text.js';
import { useEffect } from 'react';
import { findToken, previewMove, type Day, type MovePreview, type Refusal, type Result } from '../engine/index.js';
import { NEXT_AVAILABLE } from './booking-form-state.js';
import { ChoiceList } from './ChoiceList.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { useDesk, useDeskStore } from './desk-context.js';
import { initialMoveForm, moveFieldOf, reduceMoveForm, type MoveAction, type MoveChoices, type MoveField, type MoveFormState } from './move-form-state.js';
import type { ListenForKeys } from './screen-keys.js';
import { ACCENT } from './theme.js';
import { useMoveFormInput } from './use-move-form-input.js';
import { useReducerNow } from './use-reducer-now.js';

interface Props {
  height: number;
  /** The token to move (the selected patient). */
  token: string;
  onDone: (result: Result) => void;
  onCancel: () => void;
  /** How the form gets its keys from the desk. */
  listen: ListenForKeys;
}

/** "Next available", then the doctor's slots that have not ended. */
function slotValues(day: Day, doctor: number): string[] {
  return [NEXT_AVAILABLE, ...(day.doctors[doctor]?.slots.filter((slot) => !slot.closed).map((slot) => slot.label) ?? [])];
}

/** The engine's word on moving `token` to this doctor and slot. */
function preview(day: Day, token: string, doctor: number, slot: string): MovePreview | Refusal {
  const id = day.doctors[doctor]?.id ?? '';
  return previewMove(day, { op: 'move', token, doctor: id, ...(slot !== NEXT_AVAILABLE && { slot }) });
}

function rowLabel(slot: string, said: MovePreview | Refusal): string {
  if (slot === NEXT_AVAILABLE) return said.ok ? `Next available: ${said.slot}, ${said.text}` : `Next available  ✗ ${said.error}`;
  return said.ok ? `${slot}  ${said.text}` : `${slot}  ✗ ${said.error}`;
}

export function MoveForm({ height, token, onDone, onCancel, listen }: Props) {
  const store = useDeskStore();
  const version = useDesk((state) => state.version);
  const day = store.getState().day;
  const listLimit = Math.max(3, height - 11);
  const choices: MoveChoices = {
    doctorIds: day.doctors.map((d) => d.id),
    slotValues: (doctor) => slotValues(store.getState().day, doctor),
    refusal: (doctor, slot) => {
      const said = preview(store.getState().day, token, doctor, slot);
      return said.ok ? null : { error: said.error, field: moveFieldOf(said.field) };
    },
    listLimit,
  };
  const moving = findToken(day, token);
  const [state, dispatch, now] = useReducerNow(
    (s: MoveFormState, a: MoveAction) => reduceMoveForm(s, a, choices),
    () => initialMoveForm(token, moving?.doctor.index ?? 0, choices),
  );
  useMoveFormInput({ now, dispatch, send: (command) => store.getState().send(command), onDone, onCancel }, listen);
  // A question the day has overtaken goes back to its field, saying why.
  useEffect(() => {
    dispatch({ type: 'day-changed' });
  }, [version, dispatch]);

  const slots = slotValues(day, state.doctor);
  const said = slots.map((slot) => preview(day, token, state.doctor, slot));
  const chosen = said[slots.indexOf(state.slot)] ?? preview(day, token, state.doctor, state.slot);
  const doctor = day.doctors[state.doctor]!;

  const row = (field: MoveField, label: string, value: string) => {
    const active = state.step === field;
    return (
      <Box key={field}>
        <Text color={active ? ACCENT : undefined} bold={active}>{`${active ? '▸' : ' '} ${label.padEnd(8)}`}</Text>
        <Text wrap="truncate">{value}</Text>
        {state.errors[field] !== undefined && <Text color="red" wrap="truncate">{`  ✗ ${state.errors[field]}`}</Text>}
      </Box>
    );
  };
  const patient = moving ? `${moving.id} ${moving.patient} · ${moving.doctor.name} ${moving.slot.label} · ${moving.status}` : token;

  return (
    <Box flexDirection="column" height={height} overflowY="hidden" borderStyle="round" borderColor={ACCENT} paddingX={1}>
      <Text bold>Move a patient</Text>
      {row('token', 'Patient', patient)}
      {row('doctor', 'Doctor', doctor.name)}
      {row('slot', 'Slot', rowLabel(state.slot, chosen))}
      {state.step === 'confirm' ? (
        <ConfirmDialog title={`Move ${moving ? `${moving.id} ${moving.patient}` : token}?`} detail={chosen.ok ? chosen.sentence : chosen.error} />
      ) : (
        <Box marginTop={1} flexDirection="column">
          <ChoiceList
            labels={state.step === 'doctor' ? day.doctors.map((d) => d.name) : slots.map((slot, i) => rowLabel(slot, said[i]!))}
            state={state.list}
            limit={listLimit}
          />
          <Text wrap="truncate" color={chosen.ok ? undefined : 'red'}>
            {chosen.ok ? `Would: ${chosen.sentence}` : `✗ ${chosen.error}`}
          </Text>
        </Box>
      )}
      <Text dimColor wrap="truncate">
        {state.step === 'confirm'
          ? 'y moves · n or Esc back to the slot'
          : state.step === 'slot'
            ? 'Enter asks · Tab doctor · Esc back'
            : 'Enter picks · Tab slot · Esc back out, nothing moved'}
      </Text>
    </Box>
  );
}
