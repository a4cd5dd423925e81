// How the monitor shows conformance problems: a badge on the row's name cell, and in the details
// pane a list of each packet's problems with the raw words drawn nibble by nibble, the nibbles
// that hold a problem's bits highlighted.
import { formatWord, showNumbered, type GroupChannelNumbering, type UmpProblem } from '../../src/ump';

export { problemBadgeText } from './problemBadge';

/** Sets or clears the badge on a row's name cell (a data attribute the stylesheet draws). */
export function showProblemBadge(cell: HTMLElement, badge: string | undefined): void {
  const value = badge ?? '';
  if ((cell.dataset.problems ?? '') === value) return;
  if (value === '') delete cell.dataset.problems;
  else cell.dataset.problems = value;
  cell.title = value === '' ? '' : `${value} conformance problem(s): select the row to see them`;
}

/**
 * The details pane's section for one packet's problems, their group and channel numbers under
 * `numbering` as in the row; nothing when it has none.
 */
export function problemSection(
  problems: readonly UmpProblem[] | undefined,
  words: Uint32Array,
  wordCount: number,
  numbering: GroupChannelNumbering,
): HTMLElement[] {
  if (problems === undefined || problems.length === 0) return [];
  const heading = document.createElement('h3');
  heading.textContent = `Problems (${problems.length})`;
  const list = document.createElement('ul');
  list.className = 'problems';
  for (const problem of problems) {
    const item = document.createElement('li');
    item.className = `problem severity-${problem.severity}`;
    const code = document.createElement('code');
    code.textContent = problem.code;
    const bits =
      problem.highBit === problem.lowBit
        ? `bit ${problem.highBit}`
        : `bits ${problem.highBit}–${problem.lowBit}`;
    item.append(code, ` word ${problem.word}, ${bits}: ${showNumbered(problem.text, numbering)}`);
    list.append(item);
  }
  return [heading, list, highlightedWords(problems, words, wordCount)];
}

/** The words as hex, each nibble a span; nibbles under a problem's bit range are marked. */
function highlightedWords(
  problems: readonly UmpProblem[],
  words: Uint32Array,
  wordCount: number,
): HTMLElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'hex problem-words';
  paragraph.setAttribute('aria-label', 'Raw words with the problem bits highlighted');
  for (let word = 0; word < wordCount; word++) {
    if (word > 0) paragraph.append(' ');
    const text = formatWord(words[word]);
    paragraph.append('0x');
    for (let nibble = 0; nibble < 8; nibble++) {
      const span = document.createElement('span');
      span.textContent = text[2 + nibble];
      const high = 31 - nibble * 4;
      const hit = problems.find((p) => p.word === word && p.highBit >= high - 3 && p.lowBit <= high);
      if (hit !== undefined) {
        span.className = `problem-bits severity-${hit.severity}`;
        span.title = hit.code;
      }
      paragraph.append(span);
    }
  }
  return paragraph;
}
