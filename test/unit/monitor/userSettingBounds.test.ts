// Settings that size memory in the shared extension host: only the user's value counts, a
// workspace value is refused, values past the bounds are refused and say what applies instead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { captureMessagesSetting } from '../../../src/views/monitor/captureLimits';
import { resolveUserSetting, type BoundedIntegerSetting } from '../../../src/views/monitor/userSettingBounds';

const setting: BoundedIntegerSetting = {
  fullName: 'midiScope.monitor.captureMessages',
  default: 1_000_000,
  min: 1_000,
  max: 4_000_000,
  cost: (messages) => `about ${Math.round((messages * 42) / 1e6)} MB`,
};

void describe('resolveUserSetting', () => {
  void it('uses the default when nothing is set, and the user value within the bounds', () => {
    assert.deepEqual(resolveUserSetting(setting, {}), { value: 1_000_000, refused: [] });
    assert.deepEqual(resolveUserSetting(setting, { globalValue: 2_500_000 }), {
      value: 2_500_000,
      refused: [],
    });
    assert.deepEqual(resolveUserSetting(setting, { globalValue: 4_000_000 }), {
      value: 4_000_000,
      refused: [],
    });
  });

  void it('ignores a workspace or folder value, even a smaller one, and says so', () => {
    const resolved = resolveUserSetting(setting, {
      globalValue: 2_000_000,
      workspaceValue: 20_000_000,
      workspaceFolderValue: 5_000,
    });
    assert.equal(resolved.value, 2_000_000);
    assert.equal(resolved.refused.length, 2);
    assert.match(
      resolved.refused[0],
      /^midiScope\.monitor\.captureMessages is 20000000 in the workspace settings, .*only your user settings count, so it is ignored\.$/,
    );
    assert.match(resolved.refused[1], /is 5000 in the workspace folder settings/);
  });

  void it('refuses a value past the most allowed with what it would cost, and applies the most', () => {
    const resolved = resolveUserSetting(setting, { globalValue: 20_000_000 });
    assert.equal(resolved.value, 4_000_000);
    assert.deepEqual(resolved.refused, [
      'midiScope.monitor.captureMessages is 20,000,000 (about 840 MB), more than the most allowed, ' +
        '4,000,000 (about 168 MB); using 4,000,000.',
    ]);
  });

  void it('refuses a value below the least, or one that is not a whole number', () => {
    assert.deepEqual(resolveUserSetting(setting, { globalValue: 10 }), {
      value: 1_000,
      refused: ['midiScope.monitor.captureMessages is 10, less than the least allowed, 1,000; using 1,000.'],
    });
    for (const wrong of [1.5, '100000', null, true]) {
      const resolved = resolveUserSetting(setting, { globalValue: wrong });
      assert.equal(resolved.value, 1_000_000);
      assert.match(
        resolved.refused[0],
        /must be a whole number from 1,000 to 4,000,000, got .*; using the default, 1,000,000\.$/,
      );
    }
  });

  void it('package.json: captureMessages is application-scoped and at most 4,000,000', () => {
    let root = __dirname;
    while (!existsSync(join(root, 'package.json'))) root = dirname(root);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
    };
    const declared = manifest.contributes.configuration.properties['midiScope.monitor.captureMessages'];
    assert.equal(declared.scope, 'application', 'a workspace cannot raise it');
    assert.equal(captureMessagesSetting.max, 4_000_000);
    assert.equal(declared.maximum, captureMessagesSetting.max);
    assert.equal(declared.minimum, captureMessagesSetting.min);
    assert.equal(declared.default, captureMessagesSetting.default);
  });
});
