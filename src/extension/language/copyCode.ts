// The part of Copy as Code that the editor's command (Copy Selection as Code) and the monitor's
// (Copy as Code… on selected rows) share: the language and word order, given or asked with the
// same two quick picks, the code from umpAsCode, and the clipboard.
import * as vscode from 'vscode';
import { umpAsCode, type CodeLanguage, type CodeWordOrder } from './codeGeneration';

export interface CodeOptions {
  language?: CodeLanguage;
  byteOrder?: CodeWordOrder;
  /** Return the code without touching the clipboard (for callers that place it themselves). */
  returnOnly?: boolean;
  /**
   * Keep the picks open when the focus moves (not read from a command argument): a webview's
   * context menu gives the focus back to its webview as the command starts, which closed them.
   */
  ignoreFocusOut?: boolean;
}

export type CopiedCode = { ok: true; text: string } | { ok: false; reason: string };

const languages: Array<{ label: string; language: CodeLanguage }> = [
  { label: 'C / C++ (uint32_t array)', language: 'c' },
  { label: 'Rust (array)', language: 'rust' },
  { label: 'Python (list)', language: 'python' },
  { label: 'JavaScript / TypeScript (Uint32Array)', language: 'javascript' },
];
const orders: Array<{ label: string; detail: string; order: CodeWordOrder }> = [
  { label: 'Big-endian words', detail: '32-bit words as written: 0x20903C64', order: 'bigEndianWords' },
  {
    label: 'Little-endian bytes',
    detail: 'a memory dump on a little-endian CPU: 0x64, 0x3C, 0x90, 0x20',
    order: 'littleEndianBytes',
  },
];

/** The options a command argument names (anything else in it is ignored). */
export function codeOptions(argument: unknown): CodeOptions {
  const value = (typeof argument === 'object' && argument !== null ? argument : {}) as CodeOptions;
  return { language: value.language, byteOrder: value.byteOrder, returnOnly: value.returnOnly };
}

/** Asks what the options leave open, writes the code and puts it on the clipboard. */
export async function copyCode(
  title: string,
  messages: ReadonlyArray<ArrayLike<number>>,
  options: CodeOptions,
): Promise<CopiedCode> {
  const language =
    options.language ??
    (
      await vscode.window.showQuickPick(languages, {
        title: `${title}: language`,
        ignoreFocusOut: options.ignoreFocusOut === true,
      })
    )?.language;
  if (language === undefined) return { ok: false, reason: 'cancelled' };
  const order =
    options.byteOrder ??
    (
      await vscode.window.showQuickPick(orders, {
        title: `${title}: word order`,
        ignoreFocusOut: options.ignoreFocusOut === true,
      })
    )?.order;
  if (order === undefined) return { ok: false, reason: 'cancelled' };
  const text = umpAsCode(messages, language, order);
  if (options.returnOnly === true) return { ok: true, text };
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(`Copied ${messages.length} UMP message(s) as code.`);
  return { ok: true, text };
}
