// Where a `.ump` line's code ends and its comment begins, for the formatters.

/** The code before a `//`, `#` or ` ;` comment, and the comment (kept as written). */
export function splitComment(text: string): { code: string; comment: string } {
  const match = /(\/\/|#|(?:^|\s);)/.exec(text);
  if (match === undefined || match === null) return { code: text, comment: '' };
  const at = match.index + (match[0].length > 1 && match[0] !== '//' ? 1 : 0);
  return { code: text.slice(0, at), comment: text.slice(at).trimEnd() };
}
