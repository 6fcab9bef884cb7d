/**
 * The booking form: name and phone typed, doctor, source and slot picked. Each field is checked
 * as the receptionist leaves it; nothing is sent until every field is valid, and a refusal from
 * the engine keeps the form open with what was typed.
 */
import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';
import TextInput from 'ink-text-input';
import { useMemo, useRef, useState } from 'react';
import { useSyncedState } from './use-synced-state.js';
import { previewNextAvailable, previewSlot, SOURCES, type Result, type Source } from '../engine/index.js';
import { fieldError, type TextField } from '../schema/booking-form.js';
import { useDesk, useDeskStore } from './desk-context.js';
import { ACCENT, SOURCE_STYLE } from './theme.js';

const STEPS = ['name', 'phone', 'doctor', 'source', 'slot'] as const;
type Step = (typeof STEPS)[number];
export const NEXT_AVAILABLE = 'next';

interface Props {
  height: number;
  doctor: number;
  /** Slot label to start on, or NEXT_AVAILABLE. */
  slot: string;
  onDone: (result: Result) => void;
  onCancel: () => void;
}

const LABEL: Record<Step, string> = { name: 'Name', phone: 'Phone', doctor: 'Doctor', source: 'Source', slot: 'Slot' };

export function BookingForm({ height, doctor: initialDoctor, slot: initialSlot, onDone, onCancel }: Props) {
  const store = useDeskStore();
  const version = useDesk((state) => state.version);
  const day = store.getState().day;
  const [step, setStep, stepNow] = useSyncedState<Step>('name');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  // Keys typed in one burst (a fast typist, a paste, a scanner) reach the handlers before React
  // re-renders, so handlers read what was typed from here, never from a render's closure.
  const typed = useRef({ name: '', phone: '' });
  const [doctorIndex, setDoctorIndex] = useState(initialDoctor);
  const [source, setSource] = useState<Source>('WALK_IN');
  const [slot, setSlot] = useState(initialSlot);
  const [errors, setErrors] = useState<Partial<Record<Step, string>>>({});
  const doctor = day.doctors[doctorIndex]!;

  // Recomputed whenever the day changes, so the marks are always the engine's current word.
  const slotItems = useMemo(() => {
    const next = previewNextAvailable(day, doctor, source);
    const items = [{ label: `Next available${next ? `: ${next.slot.label}, ${next.text}` : ' (none left today)'}`, value: NEXT_AVAILABLE }];
    for (const s of doctor.slots) {
      if (s.closed) continue;
      const preview = previewSlot(day, s, source);
      items.push({ label: `${s.label}  ${preview.text}`, value: s.label });
    }
    return items;
  }, [day, doctor, source, version]);

  const text = { name, phone };
  const setText = {
    name: (value: string) => {
      typed.current.name = value;
      setName(value);
    },
    phone: (value: string) => {
      typed.current.phone = value;
      setPhone(value);
    },
  };

  function validate(field: TextField): boolean {
    const error = fieldError(field, typed.current[field]);
    setErrors((previous) => ({ ...previous, [field]: error ?? undefined }));
    return error === null;
  }

  function move(delta: 1 | -1) {
    const current = stepNow.current;
    if (delta === 1 && (current === 'name' || current === 'phone') && !validate(current)) return;
    const at = STEPS.indexOf(current) + delta;
    if (at >= 0 && at < STEPS.length) setStep(STEPS[at]!);
  }

  function submit(chosenSlot: string) {
    const nameOk = validate('name');
    const phoneOk = validate('phone');
    if (!nameOk || !phoneOk) {
      setStep(nameOk ? 'phone' : 'name');
      return;
    }
    const result = store.getState().dispatch({
      op: 'book',
      doctor: doctor.id,
      patient: typed.current.name.trim(),
      source,
      ...(chosenSlot !== NEXT_AVAILABLE && { slot: chosenSlot }),
      ...(typed.current.phone.trim() !== '' && { phone: typed.current.phone.trim() }),
    });
    if (result.status === 'ERROR') {
      // Keep everything typed; put the engine's word next to the field it is about.
      const field: Step = /phone/.test(result.error) ? 'phone' : /slot/.test(result.error) ? 'slot' : 'name';
      setErrors((previous) => ({ ...previous, [field]: result.error }));
      setStep(field);
      return;
    }
    onDone(result);
  }

  useInput((_input, key) => {
    if (key.escape) onCancel();
    else if (key.tab) move(key.shift ? -1 : 1);
    else if (key.upArrow && (stepNow.current === 'name' || stepNow.current === 'phone')) move(-1);
    else if (key.downArrow && (stepNow.current === 'name' || stepNow.current === 'phone')) move(1);
  });

  const row = (field: Step, value: string, placeholder = '') => {
    const active = step === field;
    return (
      <Box key={field}>
        <Text color={active ? ACCENT : undefined} bold={active}>{`${active ? '▸' : ' '} ${LABEL[field].padEnd(7)}`}</Text>
        {active && (field === 'name' || field === 'phone') ? (
          <TextInput
            value={text[field]}
            onChange={(value) => {
              // A burst ending in Enter (paste, scanner) arrives as text with the line break in it.
              const [typedText, ...rest] = value.split(/[\r\n]/);
              setText[field](typedText ?? '');
              if (rest.length > 0) move(1);
            }}
            onSubmit={() => move(1)}
            placeholder={placeholder}
          />
        ) : (
          <Text dimColor={!value}>{value || placeholder}</Text>
        )}
        {errors[field] !== undefined && <Text color="red">{`  ✗ ${errors[field]}`}</Text>}
      </Box>
    );
  };

  const slotLabel = slotItems.find((item) => item.value === slot)?.label ?? slot;
  const listLimit = Math.max(3, height - 10);

  return (
    <Box flexDirection="column" height={height} overflowY="hidden" borderStyle="round" borderColor={ACCENT} paddingX={1}>
      <Text bold>Book a patient</Text>
      {row('name', name, 'full name')}
      {row('phone', phone, 'optional')}
      {row('doctor', doctor.name)}
      {row('source', SOURCE_STYLE[source].label)}
      {row('slot', slotLabel)}
      <Box marginTop={1} flexDirection="column">
        {step === 'doctor' && (
          <SelectInput
            items={day.doctors.map((d) => ({ label: d.name, value: d.index }))}
            initialIndex={doctorIndex}
            limit={listLimit}
            onSelect={(item) => {
              setDoctorIndex(item.value);
              setStep('source');
            }}
          />
        )}
        {step === 'source' && (
          <SelectInput
            items={SOURCES.map((s) => ({ label: SOURCE_STYLE[s].label, value: s }))}
            initialIndex={SOURCES.indexOf(source)}
            limit={listLimit}
            onSelect={(item) => {
              setSource(item.value);
              setStep('slot');
            }}
          />
        )}
        {step === 'slot' && (
          <SelectInput
            items={slotItems}
            initialIndex={Math.max(0, slotItems.findIndex((item) => item.value === slot))}
            limit={listLimit}
            onHighlight={(item) => setSlot(item.value)}
            onSelect={(item) => {
              setSlot(item.value);
              submit(item.value);
            }}
          />
        )}
      </Box>
      <Text dimColor wrap="truncate">
        {step === 'slot' ? 'Enter books · ' : 'Enter next field · '}Tab / Shift+Tab move · Esc back out, nothing booked
      </Text>
    </Box>
  );
}
