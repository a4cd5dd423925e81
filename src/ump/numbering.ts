// Group and channel numbers as people read them. The message holds 0-15; most MIDI tools and
// devices show 1-16, the UMP specification numbers from 0. One convention, chosen by the user
// (midiScope.display.numbering), for every place that shows them.
import type { DecodedUmp, UmpField } from './decodedUmp';

export type GroupChannelNumbering = 'oneBased' | 'zeroBased';

/** `value` (0-15 as in the message) under `numbering`; "" for a message without one. */
export function numberLabel(value: number | undefined, numbering: GroupChannelNumbering): string {
  if (value === undefined) return '';
  return String(numbering === 'oneBased' ? value + 1 : value);
}

/** Fields whose value is a group or channel number (a function block's First Group too). */
const numberedFields = new Set(['Group', 'Channel', 'First Group']);

/**
 * The decoder's fields with Group, Channel and First Group shown under `numbering` (other fields
 * as they are).
 */
export function fieldsWithNumbering(
  fields: readonly UmpField[],
  numbering: GroupChannelNumbering,
): UmpField[] {
  return fields.map((field) =>
    numberedFields.has(field.name) && typeof field.value === 'number'
      ? { ...field, display: numberLabel(field.value, numbering) }
      : field,
  );
}

/**
 * A group or channel number inside a sentence, as in the message (0-15, or a wider field's value
 * such as a function block's First Group): shown under the numbering of whoever reads it.
 */
export interface NumberMark {
  readonly groupOrChannel: number;
}

/**
 * A sentence whose group and channel numbers are left to the numbering it is shown under: text
 * and marks in order. Plain data, so it crosses postMessage and JSON as it is; the checkers and
 * reassemblers write these, and only the place that shows them (monitor, hover, diagnostics, test
 * runner, CLI) picks the numbering, with `showNumbered`.
 */
export type NumberedText = readonly (string | NumberMark)[];

/** Marks `value` (as in the message) as a group or channel number in a `numbered` sentence. */
export function groupOrChannel(value: number): NumberMark {
  return { groupOrChannel: value };
}

/**
 * Tagged template for a NumberedText: marks and nested NumberedTexts stay as they are, other
 * values become text. numbered`SysEx on group ${groupOrChannel(g)} stream ${id}`.
 */
export function numbered(
  strings: TemplateStringsArray,
  ...values: readonly (string | number | NumberMark | NumberedText)[]
): NumberedText {
  const parts: (string | NumberMark)[] = [];
  const add = (part: string | NumberMark): void => {
    const last = parts[parts.length - 1];
    if (typeof part !== 'string') parts.push(part);
    else if (part === '') return;
    else if (typeof last === 'string') parts[parts.length - 1] = last + part;
    else parts.push(part);
  };
  strings.forEach((text, i) => {
    add(text);
    if (i >= values.length) return;
    const value = values[i];
    if (Array.isArray(value)) (value as NumberedText).forEach(add);
    else if (typeof value === 'object') add(value as NumberMark);
    else add(String(value));
  });
  return parts;
}

/** The sentence with its group and channel numbers under `numbering`. */
export function showNumbered(text: NumberedText, numbering: GroupChannelNumbering): string {
  let result = '';
  for (const part of text)
    result += typeof part === 'string' ? part : numberLabel(part.groupOrChannel, numbering);
  return result;
}

/** The decoded message's summary with its group numbers (if any) under `numbering`. */
export function summaryUnder(decoded: DecodedUmp, numbering: GroupChannelNumbering): string {
  return decoded.numberedSummary === undefined
    ? decoded.summary
    : showNumbered(decoded.numberedSummary, numbering);
}
