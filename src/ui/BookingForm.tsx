/**
 * The booking form's view: name and phone typed, doctor, source and slot picked. Each field is
 * checked as the receptionist leaves it; nothing is sent until every field is valid, and a
 * refusal from the engine keeps the form open with what was typed. State: ./booking-form-state.ts;
 * keys: ./use-booking-form-input.ts.
 */
import { Box } from 'ink';
import { Text } from './safe-text.js';
import {
  duplicateOf,
  duplicateWords,
  previewNextAvailable,
  previewSlot,
  SOURCES,
  type BookingChange,
  type Day,
  type Result,
  type Source,
} from '../engine/index.js';
import {
  initialBookingForm,
  isTextStep,
  NEXT_AVAILABLE,
  reduceBookingForm,
  type BookingAction,
  type BookingChoices,
  type BookingFormState,
  type Step,
} from './booking-form-state.js';
import { ChoiceList } from './ChoiceList.js';
import { useDesk, useDeskStore } from './desk-context.js';
import { TextField } from './TextField.js';
import { ACCENT, SOURCE_STYLE } from './theme.js';
import { useBookingFormInput } from './use-booking-form-input.js';
import { useReducerNow } from './use-reducer-now.js';
import type { ListenForKeys } from './screen-keys.js';

export { NEXT_AVAILABLE } from './booking-form-state.js';

interface Props {
  height: number;
  doctor: number;
  /** Slot label to start on, or NEXT_AVAILABLE. */
  slot: string;
  onDone: (result: Result) => void;
  onCancel: () => void;
  /** How the form gets its keys from the desk. */
  listen: ListenForKeys;
}

const LABEL: Record<Step, string> = { name: 'Name', phone: 'Phone', doctor: 'Doctor', source: 'Source', slot: 'Slot' };

/** The slot list's rows: "Next available" first, then each open slot, with what booking it would do. */
function slotItems(day: Day, doctorIndex: number, source: Source): { label: string; value: string }[] {
  const doctor = day.doctors[doctorIndex]!;
  const next = previewNextAvailable(day, doctor, source);
  const items = [{ label: `Next available${next ? `: ${next.slot.label}, ${next.text}` : ' (none left today)'}`, value: NEXT_AVAILABLE }];
  for (const s of doctor.slots) {
    if (s.closed) continue;
    items.push({ label: `${s.label}  ${previewSlot(day, s, source).text}`, value: s.label });
  }
  return items;
}

/**
 * Where the slot list starts: on the slot the desk's cursor was on, unless this patient would
 * only wait there (full, and not an emergency): then on "Next available".
 */
function startSlot(day: Day, doctorIndex: number, source: Source, preferred: string): string {
  const slot = day.doctors[doctorIndex]?.slots.find((s) => s.label === preferred && !s.closed);
  if (!slot) return NEXT_AVAILABLE;
  return source === 'EMERGENCY' || previewSlot(day, slot, source).kind === 'free' ? preferred : NEXT_AVAILABLE;
}

/** The question when another desk changed the slot after the form showed it: nothing is booked until a choice. */
function ChangedSlot({ change }: { change: BookingChange }) {
  return (
    <Box marginTop={1} flexDirection="column">
      <Text color="yellow" bold wrap="wrap">
        {change.message}
      </Text>
      <Text>{change.options.length > 0 ? 'Nothing is booked yet. Book instead:' : 'Nothing is booked: no slot of this doctor has a place for it now.'}</Text>
      {change.options.map((option, i) => (
        <Text key={option.label} wrap="truncate">{`  ${i + 1}  ${option.label}`}</Text>
      ))}
      <Text dimColor wrap="truncate">
        {change.options.length > 0 ? `${change.options.map((_, i) => i + 1).join(' or ')} books that · ` : ''}Esc back to the slots, nothing booked
      </Text>
    </Box>
  );
}

export function BookingForm({ height, doctor: initialDoctor, slot: initialSlot, onDone, onCancel, listen }: Props) {
  const store = useDeskStore();
  // Subscribed so the form redraws when the day changes (at this desk or another).
  useDesk((state) => state.version);
  const day = store.getState().day;
  const listLimit = Math.max(3, height - 10);
  const choices: BookingChoices = {
    doctorIds: day.doctors.map((d) => d.id),
    slotValues: (doctor, source) => slotItems(store.getState().day, doctor, source).map((item) => item.value),
    listLimit,
    startSlot: (doctor, source, preferred) => startSlot(store.getState().day, doctor, source, preferred),
    duplicate: (doctor, name, phone) => {
      const now = store.getState().day;
      const held = duplicateOf(now, now.doctors[doctor]?.id ?? '', name, phone);
      return held ? duplicateWords(held) : null;
    },
  };
  const [state, dispatch, now] = useReducerNow(
    (s: BookingFormState, a: BookingAction) => reduceBookingForm(s, a, choices),
    () => initialBookingForm(initialDoctor, startSlot(day, initialDoctor, 'WALK_IN', initialSlot), initialSlot),
  );
  useBookingFormInput(
    {
      now,
      dispatch,
      send: (command, proceed) => store.getState().sendIf(command, proceed),
      day: () => store.getState().day,
      doctorId: (index) => store.getState().day.doctors[index]!.id,
      onDone,
      onCancel,
    },
    listen,
  );

  // Recomputed at every render (the form re-renders as the day's version moves), so the marks
  // are always the engine's current word.
  const items = slotItems(day, state.doctor, state.source);
  const doctor = day.doctors[state.doctor]!;

  const row = (field: Step, value: string, placeholder = '') => {
    const active = state.step === field;
    return (
      <Box key={field}>
        <Text color={active ? ACCENT : undefined} bold={active}>{`${active ? '▸' : ' '} ${LABEL[field].padEnd(7)}`}</Text>
        {active && (field === 'name' || field === 'phone') ? (
          <TextField state={state[field]} placeholder={placeholder} />
        ) : (
          <Text dimColor={!value}>{value || placeholder}</Text>
        )}
        {state.errors[field] !== undefined && <Text color="red">{`  ✗ ${state.errors[field]}`}</Text>}
      </Box>
    );
  };

  const slotLabel = items.find((item) => item.value === state.slot)?.label ?? state.slot;
  const listLabels =
    state.step === 'doctor'
      ? day.doctors.map((d) => d.name)
      : state.step === 'source'
        ? SOURCES.map((s) => SOURCE_STYLE[s].label)
        : state.step === 'slot'
          ? items.map((item) => item.label)
          : null;

  return (
    <Box flexDirection="column" height={height} overflowY="hidden" borderStyle="round" borderColor={ACCENT} paddingX={1}>
      <Text bold>Book a patient</Text>
      {row('name', state.name.value, 'full name')}
      {row('phone', state.phone.value, 'optional')}
      {row('doctor', doctor.name)}
      {row('source', SOURCE_STYLE[state.source].label)}
      {row('slot', slotLabel)}
      {state.conflict ? (
        <ChangedSlot change={state.conflict} />
      ) : (
        <>
          <Box marginTop={1} flexDirection="column">
            {listLabels && <ChoiceList labels={listLabels} state={state.list} limit={listLimit} />}
          </Box>
          <Text dimColor wrap="truncate">
            {state.step === 'slot' ? 'Enter books · ' : 'Enter next field · '}Tab / Shift+Tab move · Esc{' '}
            {isTextStep(state.step) ? 'back out, nothing booked' : 'back one field'}
          </Text>
        </>
      )}
    </Box>
  );
}
