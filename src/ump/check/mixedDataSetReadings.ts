// The two readings of a Mixed Data Set header's "Number of valid bytes in this message chunk"
// (docs/DESIGN.md says which one MIDI Scope takes and why): the payload bytes only, or those plus
// the header's own 8 data bytes (Manufacturer ID, Device ID, Sub ID #1, Sub ID #2).
export const MDS_PAYLOAD_BYTES = 14;
export const MDS_HEADER_DATA_BYTES = 8;

/** Payload packets a chunk of `validBytes` has when the count is its payload bytes only. */
export function payloadsReadingPayloadOnly(validBytes: number): number {
  return Math.ceil(validBytes / MDS_PAYLOAD_BYTES);
}

/** Payload packets when the count also includes the header's 8 data bytes. */
export function payloadsReadingHeaderIncluded(validBytes: number): number {
  return Math.ceil(Math.max(validBytes - MDS_HEADER_DATA_BYTES, 0) / MDS_PAYLOAD_BYTES);
}
