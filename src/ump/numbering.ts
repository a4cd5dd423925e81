// Group and channel numbers as people read them. The message holds 0-15; most MIDI tools and
// devices show 1-16, the UMP specification numbers from 0. One convention, chosen by the user
// (midiScope.display.numbering), for every place that shows them.
import type { UmpField } from './decodedUmp';

export type GroupChannelNumbering = 'oneBased' | 'zeroBased';

/** `value` (0-15 as in the message) under `numbering`; "" for a message without one. */
export function numberLabel(value: number | undefined, numbering: GroupChannelNumbering): string {
  if (value === undefined) return '';
  return String(numbering === 'oneBased' ? value + 1 : value);
}

/** The decoder's fields with Group and Channel shown under `numbering` (other fields as they are). */
export function fieldsWithNumbering(
  fields: readonly UmpField[],
  numbering: GroupChannelNumbering,
): UmpField[] {
  return fields.map((field) =>
    (field.name === 'Group' || field.name === 'Channel') && typeof field.value === 'number'
      ? { ...field, display: numberLabel(field.value, numbering) }
      : field,
  );
}
