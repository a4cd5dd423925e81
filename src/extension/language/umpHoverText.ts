// The hover of a UMP message as Markdown: its friendly name, every decoded field and the
// conformance problems with where they are. Pure, shared by `.ump` files and hex in source code.
import {
  decodeUmp,
  fieldsWithNumbering,
  formatWord,
  showNumbered,
  summaryUnder,
  type GroupChannelNumbering,
  type UmpProblem,
} from '../../ump';

const severityIcons = { error: '$(error)', warning: '$(warning)', info: '$(info)' } as const;

export function umpHoverMarkdown(
  words: ArrayLike<number>,
  problems?: readonly UmpProblem[],
  numbering: GroupChannelNumbering = 'oneBased',
): string {
  const decoded = decodeUmp(words);
  const hexWords = Array.from(words, (word) => formatWord(word)).join(' ');
  const lines = [`**${escape(decoded.name)}** \`${hexWords}\``, ''];
  const summary = summaryUnder(decoded, numbering);
  if (summary !== '') lines.push(escape(summary), '');
  lines.push('| field | value |', '| --- | --- |');
  for (const field of fieldsWithNumbering(decoded.fields, numbering))
    lines.push(`| ${escape(field.name)} | ${escape(field.display)} |`);
  const all = problems ?? decoded.problems ?? [];
  if (all.length > 0) {
    lines.push('', '**Problems**', '');
    for (const problem of all) lines.push(`- ${problemLine(problem, numbering)}`);
  }
  return lines.join('\n');
}

/** "$(warning) reservedBitsSet (word 0, bits 7–0): …" */
export function problemLine(problem: UmpProblem, numbering: GroupChannelNumbering = 'oneBased'): string {
  const bits =
    problem.highBit === problem.lowBit
      ? `bit ${problem.highBit}`
      : `bits ${problem.highBit}–${problem.lowBit}`;
  return `${severityIcons[problem.severity]} \`${problem.code}\` (word ${problem.word}, ${bits}): ${escape(showNumbered(problem.text, numbering))}`;
}

function escape(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (char) => `\\${char}`);
}
