/**
 * Call-backs: the day's unserved patients with their phones, as a list that stays on the desk
 * (the ticker's lines scroll away). `opd-desk export --unserved` writes the same list. Draws
 * only; the desk opens it with U and closes it with Esc.
 */
import { Box } from 'ink';
import { Text } from './safe-text.js';
import { selectCallBacks } from '../store/selectors.js';
import { useDesk } from './desk-context.js';
import { fitWidth } from './lines.js';

export function CallBackList({ height, width }: { height: number; width: number }) {
  const callBacks = useDesk(selectCallBacks);
  // Border, title, column heads and the closing line take five rows.
  const room = Math.max(1, height - 5);
  const shown = callBacks.length > room ? callBacks.slice(0, room - 1) : callBacks;
  const nameWidth = Math.max(10, Math.min(28, width - 52));
  const row = (token: string, patient: string, phone: string, doctor: string, slot: string) =>
    `${fitWidth(token, 8)} ${fitWidth(patient, nameWidth)} ${fitWidth(phone, 15)} ${fitWidth(doctor, 12)} ${slot}`;
  return (
    <Box flexDirection="column" height={height} overflowY="hidden" borderStyle="round" borderColor="red" paddingX={1}>
      <Text bold wrap="truncate">{`Call back: ${callBacks.length} patient${callBacks.length === 1 ? '' : 's'} left unserved today`}</Text>
      {callBacks.length === 0 ? (
        <Text dimColor wrap="truncate">
          Nobody has been left unserved so far.
        </Text>
      ) : (
        <>
          <Text dimColor wrap="truncate">
            {row('token', 'patient', 'phone', 'doctor', 'waited for')}
          </Text>
          {shown.map((c) => (
            <Text key={c.token} wrap="truncate">
              {row(c.token, c.patient, c.phone ?? 'no phone', c.doctor, c.slot)}
            </Text>
          ))}
          {shown.length < callBacks.length && (
            <Text dimColor wrap="truncate">{`+${callBacks.length - shown.length} more: opd-desk export --unserved lists them all`}</Text>
          )}
        </>
      )}
      <Text dimColor wrap="truncate">
        Esc back to the board
      </Text>
    </Box>
  );
}
