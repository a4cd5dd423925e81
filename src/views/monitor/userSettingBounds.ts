// A whole-number setting that sizes memory in the extension host every window shares: only the
// person's own (user) settings count, a workspace value is refused, and a value past the bounds
// is refused with a message that says what was asked, what applies and why. Pure, so it is
// tested without VS Code; monitorSettings.ts feeds it WorkspaceConfiguration.inspect().

export interface BoundedIntegerSetting {
  /** Full name, e.g. midiScope.monitor.captureMessages. */
  fullName: string;
  default: number;
  min: number;
  max: number;
  /** What a value costs, for the messages (e.g. "about 42 MB"); optional. */
  cost?: (value: number) => string;
}

/** The parts of WorkspaceConfiguration.inspect() that matter here. */
export interface InspectedValues {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export interface ResolvedSetting {
  value: number;
  /** One sentence per refused value; empty when everything applied as set. */
  refused: string[];
}

const grouped = (value: number): string => value.toLocaleString('en-US');

export function resolveUserSetting(
  setting: BoundedIntegerSetting,
  inspected: InspectedValues,
): ResolvedSetting {
  const refused: string[] = [];
  const cost = (value: number): string => (setting.cost ? ` (${setting.cost(value)})` : '');
  for (const [where, value] of [
    ['workspace', inspected.workspaceValue],
    ['workspace folder', inspected.workspaceFolderValue],
  ] as const) {
    if (value !== undefined) {
      refused.push(
        `${setting.fullName} is ${JSON.stringify(value)} in the ${where} settings, which cannot size ` +
          `memory in the extension host every window shares: only your user settings count, so it is ignored.`,
      );
    }
  }
  const asked = inspected.globalValue;
  if (asked === undefined) return { value: setting.default, refused };
  if (typeof asked !== 'number' || !Number.isInteger(asked)) {
    refused.push(
      `${setting.fullName} must be a whole number from ${grouped(setting.min)} to ${grouped(setting.max)}, ` +
        `got ${JSON.stringify(asked)}; using the default, ${grouped(setting.default)}.`,
    );
    return { value: setting.default, refused };
  }
  if (asked > setting.max) {
    refused.push(
      `${setting.fullName} is ${grouped(asked)}${cost(asked)}, more than the most allowed, ` +
        `${grouped(setting.max)}${cost(setting.max)}; using ${grouped(setting.max)}.`,
    );
    return { value: setting.max, refused };
  }
  if (asked < setting.min) {
    refused.push(
      `${setting.fullName} is ${grouped(asked)}, less than the least allowed, ${grouped(setting.min)}; ` +
        `using ${grouped(setting.min)}.`,
    );
    return { value: setting.min, refused };
  }
  return { value: asked, refused };
}
