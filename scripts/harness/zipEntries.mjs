// @ts-check
// Lists the entries of a zip file (a VSIX is one) from its central directory, so the packaging
// check can verify what is actually inside the file it ships.
import { readFileSync } from 'node:fs';

const endOfCentralDirectorySignature = 0x06054b50;
const centralDirectoryEntrySignature = 0x02014b50;
const endOfCentralDirectorySize = 22;
const centralDirectoryEntrySize = 46;

/**
 * @param {string} file
 * @returns {{ name: string, size: number, compressedSize: number }[]}
 */
export function zipEntries(file) {
  const zip = readFileSync(file);
  const end = findEndOfCentralDirectory(zip, file);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let index = 0; index < count; index++) {
    if (
      offset + centralDirectoryEntrySize > zip.length ||
      zip.readUInt32LE(offset) !== centralDirectoryEntrySignature
    ) {
      throw new Error(`${file}: central directory entry ${index} at byte ${offset} is damaged`);
    }
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const nameStart = offset + centralDirectoryEntrySize;
    entries.push({ name: zip.toString('utf8', nameStart, nameStart + nameLength), size, compressedSize });
    offset = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The end record sits at the very end, before an optional comment of up to 64 KiB.
 * @param {Buffer} zip
 * @param {string} file
 */
function findEndOfCentralDirectory(zip, file) {
  const earliest = Math.max(0, zip.length - endOfCentralDirectorySize - 0xffff);
  for (let offset = zip.length - endOfCentralDirectorySize; offset >= earliest; offset--) {
    if (zip.readUInt32LE(offset) === endOfCentralDirectorySignature) return offset;
  }
  throw new Error(`${file} is not a zip file: no end-of-central-directory record`);
}
