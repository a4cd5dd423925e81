// What a parse error of hex to send says, at two lengths: a short sentence for the notification
// (toasts cut long text), and the whole of it (token, what was expected, how many messages came
// before it) for the log and the diagnostic on the line.
import { plural } from './sendReport';
import type { UmpParseProblem } from './umpMessages';

export interface ParseProblemTexts {
  /** For the notification (one line of a toast, ~60 characters): where, the reason's first clause, nothing sent. */
  short: string;
  /** For the log: everything. */
  full: string;
  /** For the diagnostic on the line (the position is the diagnostic's own). */
  diagnostic: string;
}

/** Longest reason a notification shows before it is cut. */
const shortReasonLength = 80;

/**
 * The reason's first clause ("the message … is cut short: a … message has …" → its first part;
 * "'X' is not a hex digit (in '0x2090XY64')" → "'X' is not a hex digit").
 */
export function shortReason(message: string): string {
  const clause = message.split(': ')[0].split(' (in ')[0];
  return clause.length <= shortReasonLength ? clause : `${clause.slice(0, shortReasonLength - 1)}…`;
}

function before(problem: UmpParseProblem): string {
  return problem.completeMessages === 0
    ? 'no complete message came before it'
    : `${plural(problem.completeMessages, 'complete message')} came before it`;
}

/** `where` is "file:line:column" of the bad character in the document. */
export function parseProblemTexts(where: string, problem: UmpParseProblem): ParseProblemTexts {
  const diagnostic =
    `${problem.message}; the token is '${problem.token}', expected ${problem.expected}; ` +
    `${before(problem)}. Nothing was sent.`;
  return {
    short: `${where}: ${shortReason(problem.message)}. Nothing sent.`,
    full: `UMP parse error at ${where}: ${diagnostic}`,
    diagnostic,
  };
}
