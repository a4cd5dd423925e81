// `#endpoint <id or name>` in `.ump` files: on a line of its own, it says where the CodeLens Send
// and Schedule of the blocks below it (up to the next `#endpoint`) go. Written without a blank
// after `#`, so `# endpoint …` stays a comment and C's `#define`/`#include` lines are not taken
// for it (they are read by parseUmpHex, see hexScanner.ts). Send Selection and Send File read the
// line as a comment. Pure: the endpoints are passed in.

export interface EndpointDirective {
  /** 0-based line. */
  line: number;
  /** Offset and length of `#endpoint …` (blanks and a trailing comment left out). */
  offset: number;
  length: number;
  /** The id or name written, quotes taken off; '' when none was written. */
  argument: string;
  argumentOffset: number;
  argumentLength: number;
}

// A trailing comment needs a blank before its `//`: ids have `//` in them (midiscope://…).
const directivePattern = /^([ \t]*)#endpoint(?=[ \t]|$)[ \t]*((?!\/\/).*?)(?:[ \t]+\/\/.*|[ \t]*)$/;

/** The directive on a line (its text without the line end, starting at `offset`), if any. */
export function readEndpointDirective(
  lineText: string,
  line: number,
  offset: number,
): EndpointDirective | undefined {
  const match = directivePattern.exec(lineText);
  if (match === null) return undefined;
  const [, indent, written] = match;
  const keywordEnd = indent.length + '#endpoint'.length;
  let argumentStart = keywordEnd;
  while (written !== '' && lineText[argumentStart] !== written[0]) argumentStart++;
  const quoted = /^"(.*)"$/.exec(written);
  return {
    line,
    offset: offset + indent.length,
    length: (written === '' ? keywordEnd : argumentStart + written.length) - indent.length,
    argument: (quoted?.[1] ?? written).trim(),
    argumentOffset: offset + argumentStart,
    argumentLength: written.length,
  };
}

/** The directive that applies to a block starting on `line`: the last one above it. */
export function directiveAbove(
  directives: readonly EndpointDirective[],
  line: number,
): EndpointDirective | undefined {
  let found: EndpointDirective | undefined;
  for (const directive of directives) {
    if (directive.line >= line) break;
    found = directive;
  }
  return found;
}

export interface NamedEndpoint {
  endpointDeviceId: string;
  name: string;
}

export type EndpointResolution<E extends NamedEndpoint> =
  | { kind: 'found'; endpoint: E; by: 'id' | 'name' }
  /** Several endpoints have that name: the first is used; writing its id says which. */
  | { kind: 'ambiguous'; endpoint: E; others: E[] }
  | { kind: 'unknown' };

/** An id first (exactly), then a name (exactly, then ignoring case). */
export function resolveEndpoint<E extends NamedEndpoint>(
  argument: string,
  endpoints: readonly E[],
): EndpointResolution<E> {
  const byId = endpoints.find((endpoint) => endpoint.endpointDeviceId === argument);
  if (byId !== undefined) return { kind: 'found', endpoint: byId, by: 'id' };
  let named = endpoints.filter((endpoint) => endpoint.name === argument);
  if (named.length === 0)
    named = endpoints.filter((endpoint) => endpoint.name.toLowerCase() === argument.toLowerCase());
  if (named.length === 0) return { kind: 'unknown' };
  if (named.length === 1) return { kind: 'found', endpoint: named[0], by: 'name' };
  return { kind: 'ambiguous', endpoint: named[0], others: named.slice(1) };
}

/** A diagnostic's words for a directive, or undefined when it names exactly one endpoint. */
export function endpointDirectiveProblem(
  directive: EndpointDirective,
  endpoints: readonly NamedEndpoint[],
): { severity: 'error' | 'warning'; code: string; text: string } | undefined {
  if (directive.argument === '')
    return {
      severity: 'error',
      code: 'endpointMissing',
      text: '#endpoint needs an endpoint id or name, e.g. #endpoint midiscope://diagnostics/loopback-a',
    };
  const resolution = resolveEndpoint(directive.argument, endpoints);
  if (resolution.kind === 'found') return undefined;
  if (resolution.kind === 'ambiguous')
    return {
      severity: 'warning',
      code: 'endpointAmbiguous',
      text: `${resolution.others.length + 1} endpoints are named "${directive.argument}"; the blocks below go to ${resolution.endpoint.endpointDeviceId}. Write the id to choose.`,
    };
  const known = endpoints.map((endpoint) => endpoint.endpointDeviceId).join(', ');
  return {
    severity: 'warning',
    code: 'endpointUnknown',
    text: `No endpoint has the id or name "${directive.argument}" now (devices come and go); the blocks below cannot be sent until it is there. Endpoints now: ${known === '' ? 'none' : known}.`,
  };
}
