// The layer rules of docs/DESIGN.md (its "may import" column) as ESLint config, so that an import
// across a boundary fails lint with a message naming the rule. no-restricted-imports matches the
// text of an import, not the file it resolves to, so each depth of a layer's folder gets the
// relative paths that lead from there to every layer it may not import. Folders not listed here
// are not layers yet and are not checked; list a new one here and in docs/DESIGN.md together.
import { posix } from 'node:path';

/**
 * Each layer: its folder, what it may import of the other layers (a folder, a file without its
 * extension, or `{ from, types: true }` for type-only imports), and which packages: 'none', or
 * every package but those in `forbiddenModules`.
 */
export const layers = [
  { folder: 'src/ump', may: [], modules: 'none' },
  { folder: 'src/engine', may: ['src/ump'], forbiddenModules: ['vscode'] },
  { folder: 'src/transports/network', may: ['src/ump'], forbiddenModules: ['vscode'] },
  // Capture files are pure: the extension host, tests and benchmarks read and write them alike.
  { folder: 'src/capture', may: ['src/ump'], forbiddenModules: ['vscode', /^node:/] },
  // Endpoint discovery, MIDI-CI and virtual devices run in plain Node over engine objects they
  // are handed (sessions, the loaded module): engine types only.
  { folder: 'src/midici', may: ['src/ump'], modules: 'none' },
  {
    folder: 'src/discovery',
    may: ['src/ump', { from: 'src/engine', types: true }],
    forbiddenModules: ['vscode'],
  },
  {
    folder: 'src/virtualDevice',
    may: ['src/ump', 'src/midici', 'src/discovery', { from: 'src/engine', types: true }],
    forbiddenModules: ['vscode'],
  },
  {
    folder: 'src/extension',
    may: [
      'src/engine',
      'src/ump',
      'src/capture',
      'src/views/endpoints',
      'src/views/monitor',
      'src/testing',
      'src/transports/network',
      'src/discovery',
      'src/midici',
      'src/virtualDevice',
    ],
    forbiddenModules: [],
  },
  // The views get the engine from src/extension/engineHost, the one place that loads it: types only.
  {
    folder: 'src/views/endpoints',
    // The Virtual devices group shows a device's declaration: its types only.
    may: [{ from: 'src/engine', types: true }, 'src/discovery', { from: 'src/virtualDevice', types: true }],
    forbiddenModules: [],
  },
  {
    folder: 'src/views/monitor',
    // endpointDescriptions: how endpoints and transports are named, shared by the tree and pickers.
    may: [
      { from: 'src/engine', types: true },
      'src/ump',
      'src/midici',
      'src/views/endpoints/endpointDescriptions',
    ],
    forbiddenModules: [],
  },
  {
    folder: 'webview/monitor',
    may: ['src/ump', 'src/midici', 'src/views/monitor/protocol', 'src/views/monitor/rowsBlock'],
    forbiddenModules: ['vscode', /^node:/],
  },
  {
    folder: 'src/testing',
    // A test file's `virtual` devices are src/virtualDevice's, made on the engine module it is handed.
    may: ['src/ump', 'src/virtualDevice', { from: 'src/engine', types: true }],
    forbiddenModules: ['vscode'],
  },
  {
    folder: 'src/cli',
    may: [
      'src/testing',
      'src/ump',
      { from: 'src/engine', types: true },
      'src/views/monitor/protocol',
      'src/views/monitor/exportFormats',
    ],
    forbiddenModules: ['vscode'],
  },
];

/** Deepest subfolder of a layer that gets its own block (src/ump/decode/x.ts is depth 1). */
const maxDepth = 5;

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function allowance(layer, other) {
  const entries = layer.may.map((entry) =>
    typeof entry === 'string' ? { from: entry, types: false } : entry,
  );
  const whole = entries.find((entry) => entry.from === other);
  const files = entries
    .filter((entry) => entry.from.startsWith(`${other}/`))
    .map((entry) => entry.from.slice(other.length + 1));
  return { whole, files };
}

/** Patterns for a file of `layer` that sits `depth` folders below it. */
function patternsAt(layer, depth) {
  const directory = `${layer.folder}/${'sub/'.repeat(depth)}`;
  const patterns = [];
  for (const { folder: other } of layers) {
    if (other === layer.folder) continue;
    const { whole, files } = allowance(layer, other);
    if (whole && !whole.types) continue;
    const relative = posix.relative(directory, other);
    if (!relative.startsWith('..')) continue;
    // The folder itself (its index) or anything inside it, except the files it may import.
    const except = files.length === 0 ? '' : `(?!(?:${files.map(escape).join('|')})(?:\\.ts)?$)`;
    const what = whole
      ? `only types from ${other}`
      : `nothing from ${other}${files.length ? ` but ${files.join(', ')}` : ''}`;
    patterns.push({
      regex: `^${escape(relative)}(?:/${except}.*)?$`,
      caseSensitive: true,
      allowTypeImports: Boolean(whole),
      message: `${layer.folder} may import ${what} (docs/DESIGN.md, "may import"; eslint.layers.mjs).`,
    });
  }
  if (layer.modules === 'none') {
    patterns.push({
      regex: '^(?!\\.)',
      caseSensitive: true,
      message: `${layer.folder} imports nothing but itself: no packages, no Node modules (docs/DESIGN.md).`,
    });
  }
  for (const module of layer.forbiddenModules ?? []) {
    const regex = typeof module === 'string' ? `^${escape(module)}$` : module.source;
    patterns.push({
      regex,
      caseSensitive: true,
      message: `${layer.folder} may not import ${typeof module === 'string' ? module : module.source} (docs/DESIGN.md).`,
    });
  }
  return patterns;
}

/** One config block per layer and folder depth. */
export function layerConfigs() {
  const configs = [];
  for (const layer of layers) {
    for (let depth = 0; depth <= maxDepth; depth++) {
      configs.push({
        files: [`${layer.folder}/${'*/'.repeat(depth)}*.ts`],
        rules: {
          '@typescript-eslint/no-restricted-imports': ['error', { patterns: patternsAt(layer, depth) }],
        },
      });
    }
  }
  // The webview's toolkit sits behind one file, so it can be swapped.
  configs.push({
    files: ['webview/**/*.ts'],
    ignores: ['webview/monitor/toolkit.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@vscode/webview-ui-toolkit',
              message: 'Only webview/monitor/toolkit.ts imports the toolkit (docs/DESIGN.md).',
            },
          ],
        },
      ],
    },
  });
  return configs;
}
