// The declaration behind a test file's `virtual` line: by name, a device with that endpoint name
// and one bidirectional function block on group 1 that answers discovery and MIDI-CI; by file, the
// JSON declaration that Create Virtual Device takes, read relative to the test file.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import {
  parseVirtualDeviceDeclaration,
  parseVirtualDeviceFile,
  type VirtualDeviceDeclaration,
} from '../virtualDevice';

export type VirtualDeviceSource = { kind: 'name'; name: string } | { kind: 'file'; path: string };

/** Throws with the field path (or line:column) that is wrong, naming the file. */
export function virtualDeviceDeclaration(
  source: VirtualDeviceSource,
  directory: string | undefined,
): VirtualDeviceDeclaration {
  if (source.kind === 'name') {
    return parseVirtualDeviceDeclaration(
      { endpointName: source.name, functionBlocks: [{ name: source.name }] },
      `virtual device "${source.name}"`,
    );
  }
  if (!isAbsolute(source.path) && directory === undefined) {
    throw new Error(`the declaration file ${source.path} is relative, but the test file has no folder`);
  }
  const path = isAbsolute(source.path) ? source.path : resolve(directory ?? '', source.path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`the declaration file ${path} could not be read: ${(error as Error).message}`);
  }
  return parseVirtualDeviceFile(text, path);
}
