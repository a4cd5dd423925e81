// A few quick input steps in a row with a back button, each input box refusing bad values with
// their reason while the person types (VS Code's multi-step input pattern, kept small).
import * as vscode from 'vscode';

export type StepOutcome<T> = { kind: 'value'; value: T } | { kind: 'back' } | { kind: 'cancel' };

interface StepPosition {
  title: string;
  step: number;
  totalSteps: number;
}

export interface TextStep extends StepPosition {
  /** Show a Back button (default: on every step but the first). */
  canGoBack?: boolean;
  prompt: string;
  value: string;
  placeholder?: string;
  /** The reason the value is refused, or undefined to accept it. */
  validate(value: string): string | undefined;
}

export interface PickStep<T extends vscode.QuickPickItem> extends StepPosition {
  placeholder: string;
  items: readonly T[];
  active?: T;
}

function showInput<Q extends vscode.QuickInput, T>(
  input: Q,
  wire: (finish: (outcome: StepOutcome<T>) => void) => vscode.Disposable[],
): Promise<StepOutcome<T>> {
  return new Promise((resolve) => {
    let finished = false;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (outcome: StepOutcome<T>): void => {
      if (finished) return;
      finished = true;
      resolve(outcome);
      for (const subscription of subscriptions) subscription.dispose();
      input.dispose();
    };
    subscriptions.push(
      ...wire(finish),
      input.onDidHide(() => finish({ kind: 'cancel' })),
    );
    input.show();
  });
}

export function textStep(options: TextStep): Promise<StepOutcome<string>> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  // A prompt of one step shows no "1/1".
  if (options.totalSteps > 1) {
    box.step = options.step;
    box.totalSteps = options.totalSteps;
  }
  box.prompt = options.prompt;
  box.value = options.value;
  box.placeholder = options.placeholder;
  box.ignoreFocusOut = true;
  if (options.canGoBack ?? options.step > 1) box.buttons = [vscode.QuickInputButtons.Back];
  box.validationMessage = options.validate(options.value);
  return showInput<vscode.InputBox, string>(box, (finish) => [
    box.onDidChangeValue((value) => {
      box.validationMessage = options.validate(value);
    }),
    box.onDidAccept(() => {
      const refusal = options.validate(box.value);
      box.validationMessage = refusal;
      if (refusal === undefined) finish({ kind: 'value', value: box.value.trim() });
    }),
    box.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back' });
    }),
  ]);
}

export function pickStep<T extends vscode.QuickPickItem>(options: PickStep<T>): Promise<StepOutcome<T>> {
  const pick = vscode.window.createQuickPick<T>();
  pick.title = options.title;
  if (options.totalSteps > 1) {
    pick.step = options.step;
    pick.totalSteps = options.totalSteps;
  }
  pick.placeholder = options.placeholder;
  pick.items = options.items;
  pick.ignoreFocusOut = true;
  if (options.active) pick.activeItems = [options.active];
  if (options.step > 1) pick.buttons = [vscode.QuickInputButtons.Back];
  return showInput<vscode.QuickPick<T>, T>(pick, (finish) => [
    pick.onDidAccept(() => {
      const [chosen] = pick.selectedItems;
      if (chosen) finish({ kind: 'value', value: chosen });
    }),
    pick.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back' });
    }),
  ]);
}

/**
 * Runs steps in order; Back goes to the previous step. A step may add or drop the steps after it
 * (the array is read again after each one). Returns false when the person cancelled.
 */
export async function runSteps(steps: readonly (() => Promise<StepOutcome<unknown>>)[]): Promise<boolean> {
  let index = 0;
  while (index < steps.length) {
    const outcome = await steps[index]();
    if (outcome.kind === 'cancel') return false;
    index = outcome.kind === 'back' ? Math.max(0, index - 1) : index + 1;
  }
  return true;
}
