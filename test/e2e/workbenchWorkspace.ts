// Where the end-to-end helpers find the checkout, and the scratch workspace each workbench opens:
// a copy of samples/ with the spec's own files written over it.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

/** The checkout this bundle belongs to: the nearest folder above with MIDI Scope's package.json. */
export const projectRoot = findProjectRoot(__dirname);

/** A fresh workspace folder; remove dirname(it) when done. `leaveOut`: sample folders not copied. */
export function createWorkspace(files: Record<string, string>, leaveOut: readonly string[] = []): string {
  const workspaceDir = join(mkdtempSync(join(tmpdir(), 'midi-scope-e2e-workspace-')), 'workspace');
  const samples = join(projectRoot, 'samples');
  const skipped = new Set(leaveOut.map((name) => join(samples, name)));
  cpSync(samples, workspaceDir, { recursive: true, filter: (source) => !skipped.has(source) });
  for (const [relativePath, content] of Object.entries(files)) {
    const normalized = normalize(relativePath);
    if (isAbsolute(normalized) || normalized === '..' || normalized.startsWith(`..${sep}`)) {
      throw new Error(`workspaceFiles: "${relativePath}" must be a path inside the workspace`);
    }
    const path = join(workspaceDir, normalized);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return workspaceDir;
}

function findProjectRoot(from: string): string {
  for (let directory = from; ; directory = dirname(directory)) {
    const manifest = join(directory, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'midi-scope'
    ) {
      return directory;
    }
    if (dirname(directory) === directory) throw new Error(`no midi-scope package.json above ${from}`);
  }
}
