// The problem badge's text, apart from the DOM code in problemView.ts so that row presentation
// (and its unit tests) need no DOM.
import type { UmpProblem } from '../../src/ump';

/** The badge text for a row: "" when clean, else the count of problems. */
export function problemBadgeText(problems: readonly UmpProblem[] | undefined): string {
  return problems === undefined || problems.length === 0 ? '' : String(problems.length);
}
