// Test helper: checks a decoded message against the properties and field values a test lists,
// naming the field that differs.
import assert from 'node:assert/strict';
import { decodeUmp, type DecodedUmp } from '../../../src/ump';

export interface ExpectedDecoding {
  name: string;
  status?: number;
  group?: number | undefined;
  channel?: number | undefined;
  wordCount?: number;
  summary?: string;
  reserved?: boolean;
  /** Field values by field name; only the listed fields are checked. */
  fields?: Record<string, number | string | boolean>;
}

export function fieldValue(decoded: DecodedUmp, name: string): number | string | boolean | undefined {
  return decoded.fields.find((field) => field.name === name)?.value;
}

export function expectDecoded(words: readonly number[], expected: ExpectedDecoding): DecodedUmp {
  const decoded = decodeUmp(words);
  const label = words.map((word) => word.toString(16).toUpperCase().padStart(8, '0')).join(' ');
  assert.equal(decoded.name, expected.name, `${label}: name`);
  assert.equal(decoded.incomplete, undefined, `${label}: complete`);
  for (const key of ['status', 'group', 'channel', 'wordCount', 'summary'] as const) {
    if (key in expected) assert.equal(decoded[key], expected[key], `${label}: ${key}`);
  }
  assert.equal(decoded.reserved === true, expected.reserved === true, `${label}: reserved`);
  for (const [name, value] of Object.entries(expected.fields ?? {})) {
    const field = decoded.fields.find((candidate) => candidate.name === name);
    assert.ok(
      field,
      `${label}: has no field "${name}" (fields: ${decoded.fields.map((f) => f.name).join(', ')})`,
    );
    assert.equal(field.value, value, `${label}: field "${name}"`);
  }
  return decoded;
}
