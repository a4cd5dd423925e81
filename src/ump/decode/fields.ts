// Small constructors for decoded fields, so every decoder spells values the same way.
import type { UmpField } from '../decodedUmp';
import { hex } from '../hex';

export function numberField(name: string, value: number, unit?: string): UmpField {
  const field: UmpField = { name, value, display: unit === undefined ? String(value) : `${value} ${unit}` };
  if (unit !== undefined) field.unit = unit;
  return field;
}

/** A number with its own display text, e.g. 60 shown as "60 (C4)". */
export function describedField(name: string, value: number, display: string, unit?: string): UmpField {
  const field: UmpField = { name, value, display };
  if (unit !== undefined) field.unit = unit;
  return field;
}

/** A number best read in hex (ids, raw data), `digits` wide. */
export function hexField(name: string, value: number, digits: number): UmpField {
  return { name, value, display: hex(value, digits) };
}

export function flagField(name: string, value: boolean): UmpField {
  return { name, value, display: value ? 'yes' : 'no' };
}

export function textField(name: string, value: string, display?: string): UmpField {
  return { name, value, display: display ?? value };
}

/** A value of `bits` bits as a percentage of its full scale, e.g. "50.0%". */
export function percentOf(value: number, bits: number): string {
  const full = bits === 32 ? 0xffffffff : (1 << bits) - 1;
  return `${((value / full) * 100).toFixed(1)}%`;
}

/** An unsigned data value shown in hex and as a share of full scale: "0x80000000 (50.0%)". */
export function scaledField(name: string, value: number, bits: number): UmpField {
  return { name, value, display: `${hex(value, Math.ceil(bits / 4))} (${percentOf(value, bits)})` };
}

/** `value` with at most `fractionDigits` decimals and no trailing zeros: 120, 120.5, 119.999. */
export function formatDecimal(value: number, fractionDigits: number): string {
  const text = value.toFixed(fractionDigits);
  if (text.indexOf('.') < 0) return text;
  let end = text.length;
  while (text[end - 1] === '0') end--;
  if (text[end - 1] === '.') end--;
  return text.slice(0, end);
}
