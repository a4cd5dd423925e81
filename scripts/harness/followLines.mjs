// @ts-check
// Follows a file that another process appends lines to, handing each complete line over once.
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

const newline = 0x0a;

/**
 * @param {string} file
 * @param {(line: string) => void} onLine
 * @returns {{ poll: () => void }} poll() reads whatever whole lines were appended since the last call
 */
export function followLines(file, onLine) {
  let offset = 0;
  return {
    poll() {
      if (!existsSync(file)) return;
      const descriptor = openSync(file, 'r');
      try {
        const size = fstatSync(descriptor).size;
        if (size <= offset) return;
        const chunk = Buffer.alloc(size - offset);
        readSync(descriptor, chunk, 0, chunk.length, offset);
        // Only up to the last newline: a line still being written (or a character split across
        // two writes) waits for the next poll.
        const end = chunk.lastIndexOf(newline);
        if (end < 0) return;
        offset += end + 1;
        for (const line of chunk.subarray(0, end).toString('utf8').split('\n')) onLine(line);
      } finally {
        closeSync(descriptor);
      }
    },
  };
}
