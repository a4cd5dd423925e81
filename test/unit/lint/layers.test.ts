// The layer rules of docs/DESIGN.md ("may import") fail lint: eslint.layers.mjs, the blocks
// eslint.config.mjs spreads, run through ESLint's own API on deliberately wrong imports placed in
// each layer (lintText with a file path: nothing is written into the tree).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';

interface LintMessage {
  ruleId: string | null;
  message: string;
}
interface LintResult {
  messages: LintMessage[];
}
interface ESLintInstance {
  lintText(code: string, options: { filePath: string }): Promise<LintResult[]>;
}
type ESLintClass = new (options: Record<string, unknown>) => ESLintInstance;
type ConfigBlock = { files?: string[]; ignores?: string[]; rules?: Record<string, unknown> };

/** The checkout this test bundle was built in (bundles live under out/). */
function repositoryRoot(): string {
  for (let directory = __dirname; dirname(directory) !== directory; directory = dirname(directory)) {
    if (existsSync(join(directory, 'eslint.layers.mjs'))) return directory;
  }
  throw new Error(`eslint.layers.mjs not found above ${__dirname}`);
}

const root = repositoryRoot();
// Loaded at run time from the checkout's node_modules: the bundler must not inline ESLint.
const requireFromRoot = createRequire(join(root, 'package.json'));
let eslint: ESLintInstance;
let layerBlocks: ConfigBlock[];

before(async () => {
  const { ESLint } = requireFromRoot('eslint') as { ESLint: ESLintClass };
  const tseslint = requireFromRoot('typescript-eslint') as { parser: unknown; plugin: unknown };
  const layers = (await import(pathToFileURL(join(root, 'eslint.layers.mjs')).href)) as {
    layerConfigs(): ConfigBlock[];
  };
  layerBlocks = layers.layerConfigs();
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { '@typescript-eslint': tseslint.plugin },
      },
      ...layerBlocks,
    ],
  });
});

/** The layer-rule messages for `code` placed at `filePath` (relative to the checkout). */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result.messages
    .filter(
      (m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-imports',
    )
    .map((m) => m.message);
}

async function assertRefused(filePath: string, code: string, message: RegExp): Promise<void> {
  const errors = await layerErrors(filePath, code);
  assert.equal(errors.length, 1, `${filePath}: ${code} should fail lint once, got ${JSON.stringify(errors)}`);
  assert.match(errors[0], message);
}

async function assertAllowed(filePath: string, code: string): Promise<void> {
  assert.deepEqual(await layerErrors(filePath, code), [], `${filePath}: ${code} should pass`);
}

void describe('layer rules (docs/DESIGN.md "may import") in ESLint', () => {
  void it('eslint.config.mjs applies every block of eslint.layers.mjs', async () => {
    const config = (await import(pathToFileURL(join(root, 'eslint.config.mjs')).href)) as {
      default: ConfigBlock[];
    };
    const key = ({ files, ignores, rules }: ConfigBlock) => JSON.stringify({ files, ignores, rules });
    const used = new Set(config.default.map(key));
    for (const block of layerBlocks) {
      assert.ok(used.has(key(block)), `eslint.config.mjs lacks the block for ${block.files?.join(', ')}`);
    }
  });

  void it('src/ump imports nothing outside itself, at any depth', async () => {
    await assertAllowed('src/ump/decode/probe.ts', "import { hex } from '../hex';\nexport const x = hex;");
    await assertRefused(
      'src/ump/decode/probe.ts',
      "import { MidiClock } from '../../engine';\nexport const x = MidiClock;",
      /src\/ump may import nothing from src\/engine/,
    );
    await assertRefused(
      'src/ump/probe.ts',
      "import * as fs from 'node:fs';\nexport const x = fs;",
      /imports nothing but itself/,
    );
    await assertRefused(
      'src/ump/probe.ts',
      "import type * as v from 'vscode';\nexport type X = v.Uri;",
      /imports nothing but itself/,
    );
  });

  void it('src/engine never imports vscode, the extension or the views', async () => {
    await assertAllowed(
      'src/engine/plugins/probe.ts',
      "import { groupOf } from '../../ump';\nexport const x = groupOf;",
    );
    await assertRefused(
      'src/engine/plugins/probe.ts',
      "import * as v from 'vscode';\nexport const x = v;",
      /may not import vscode/,
    );
    await assertRefused(
      'src/engine/probe.ts',
      "import { EngineHost } from '../extension/engineHost';\nexport const x = EngineHost;",
      /src\/engine may import nothing from src\/extension/,
    );
  });

  void it('the monitor takes only types from src/engine: the engine comes from engineHost', async () => {
    await assertAllowed(
      'src/views/monitor/probe.ts',
      "import type { MidiSession } from '../../engine';\nexport type X = MidiSession;",
    );
    await assertRefused(
      'src/views/monitor/probe.ts',
      "import * as engine from '../../engine';\nexport const x = engine;",
      /src\/views\/monitor may import only types from src\/engine/,
    );
    await assertRefused(
      'src/views/monitor/probe.ts',
      "import { EngineHost } from '../../extension/engineHost';\nexport const x = EngineHost;",
      /src\/views\/monitor may import nothing from src\/extension/,
    );
    await assertRefused(
      'src/views/monitor/probe.ts',
      "import { buildSnapshot } from '../endpoints/endpointsTreeNodes';\nexport const x = buildSnapshot;",
      /src\/views\/monitor may import nothing from src\/views\/endpoints/,
    );
  });

  void it('the tree may not reach into src/extension, even for a type (PairPersistence lives there)', async () => {
    await assertRefused(
      'src/views/endpoints/probe.ts',
      "import type { PairPersistence } from '../../extension/loopback/pairPersistence';\nexport type X = PairPersistence;",
      /src\/views\/endpoints may import nothing from src\/extension/,
    );
  });

  void it('the webview takes the codec and the wire formats, and the toolkit only in toolkit.ts', async () => {
    await assertAllowed(
      'webview/monitor/probe.ts',
      "import { MessageKind } from '../../src/views/monitor/protocol';\nimport { decodeUmp } from '../../src/ump';\nexport const x = [MessageKind, decodeUmp];",
    );
    await assertRefused(
      'webview/monitor/probe.ts',
      "import { MonitorPanel } from '../../src/views/monitor/monitorPanel';\nexport const x = MonitorPanel;",
      /webview\/monitor may import nothing from src\/views\/monitor but protocol, rowsBlock/,
    );
    await assertRefused(
      'webview/monitor/probe.ts',
      "import * as v from 'vscode';\nexport const x = v;",
      /may not import vscode/,
    );
    await assertRefused(
      'webview/monitor/probe.ts',
      "import { provideVSCodeDesignSystem } from '@vscode/webview-ui-toolkit';\nexport const x = provideVSCodeDesignSystem;",
      /Only webview\/monitor\/toolkit\.ts imports the toolkit/,
    );
    await assertAllowed(
      'webview/monitor/toolkit.ts',
      "import { provideVSCodeDesignSystem } from '@vscode/webview-ui-toolkit';\nexport const x = provideVSCodeDesignSystem;",
    );
  });

  void it('the extension may import the engine, the codec and the views', async () => {
    await assertAllowed(
      'src/extension/commands/probe.ts',
      "import * as vscode from 'vscode';\nimport { registerMonitor } from '../../views/monitor';\nimport * as engine from '../../engine';\nexport const x = [vscode, registerMonitor, engine];",
    );
  });
});
