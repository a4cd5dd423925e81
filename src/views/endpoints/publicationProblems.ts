// What a publishing transport (ALSA) could not show other applications of one of MIDI Scope's own
// endpoints, as people read it: the endpoint's row in the tree (an icon, a short description, the
// full text in the tooltip) and one line in the MIDI Scope log per problem when it appears. Pure:
// the tree item and the extension's log apply what these functions return.
import type { MidiEndpointDeviceInformation, MidiPublicationProblem } from '../../engine/types';
import { transportDisplayName } from './endpointDescriptions';

/** How an endpoint's row shows its publication problems; undefined when it has none. */
export interface PublicationProblemPresentation {
  /** A codicon: 'warning' for a failure, 'info' when there are only notes. */
  icon: 'warning' | 'info';
  /** The theme color of the icon. */
  color: 'problemsWarningIcon.foreground' | 'problemsInfoIcon.foreground';
  /** Put before the row's description: "not published (ALSA)", "note (ALSA)". */
  description: string;
  /** Tooltip fields: ["Not published (ALSA)", full text], one per problem. */
  fields: [string, string][];
}

/** "not published", "published without its UMP endpoint info", or "note", from the text. */
function shortForm(problem: MidiPublicationProblem): string {
  if (problem.note) return 'note';
  const colon = problem.problem.indexOf(':');
  return colon > 0 ? problem.problem.slice(0, colon) : 'publication problem';
}

export function publicationProblemPresentation(
  endpoint: MidiEndpointDeviceInformation,
): PublicationProblemPresentation | undefined {
  const problems = endpoint.publicationProblems ?? [];
  if (problems.length === 0) return undefined;
  const failure = problems.find((problem) => !problem.note);
  const first = failure ?? problems[0];
  const more = problems.length > 1 ? ` (+${problems.length - 1})` : '';
  return {
    icon: failure ? 'warning' : 'info',
    color: failure ? 'problemsWarningIcon.foreground' : 'problemsInfoIcon.foreground',
    description: `${shortForm(first)} (${transportDisplayName(first.transport)})${more}`,
    fields: problems.map((problem) => [
      `${problem.note ? 'Note' : 'Not shown to other applications'} (${transportDisplayName(problem.transport)})`,
      problem.problem,
    ]),
  };
}

/** One log line for a problem that appeared: which endpoint, which transport, the full text. */
export function publicationProblemLogLine(
  endpoint: MidiEndpointDeviceInformation,
  problem: MidiPublicationProblem,
): string {
  return `${transportDisplayName(problem.transport)} publishing "${endpoint.name}" (${endpoint.endpointDeviceId}): ${problem.problem}`;
}

export interface PublicationProblemSink {
  warn(line: string): void;
  info(line: string): void;
}

/**
 * Logs each publication problem once, when it appears: failures as warnings, notes as info. A
 * problem that clears and comes back later is logged again; an endpoint that goes is forgotten.
 */
export class PublicationProblemLog {
  /** Per endpoint id: the problems already logged ("transport\u0000text"). */
  private readonly logged = new Map<string, Set<string>>();

  constructor(private readonly sink: PublicationProblemSink) {}

  /** The endpoint as it is now (listed, added or updated). */
  seen(endpoint: MidiEndpointDeviceInformation): void {
    const before = this.logged.get(endpoint.endpointDeviceId) ?? new Set<string>();
    const now = new Set<string>();
    for (const problem of endpoint.publicationProblems ?? []) {
      const key = `${problem.transport}\u0000${problem.problem}`;
      now.add(key);
      if (before.has(key)) continue;
      const line = publicationProblemLogLine(endpoint, problem);
      if (problem.note) {
        this.sink.info(line);
      } else {
        this.sink.warn(line);
      }
    }
    if (now.size === 0) {
      this.logged.delete(endpoint.endpointDeviceId);
    } else {
      this.logged.set(endpoint.endpointDeviceId, now);
    }
  }

  /** The endpoint is gone. */
  removed(endpointDeviceId: string): void {
    this.logged.delete(endpointDeviceId);
  }
}
