// What the parser makes of a test file: declarations of the endpoints it talks to, variables and
// tests made of steps. Every node keeps the span it came from, so a failure can point at its line.

/** 0-based line and column, character offset and length in the file. */
export interface Span {
  line: number;
  column: number;
  offset: number;
  length: number;
}

export type ValueExpression =
  { kind: 'number'; value: number; span: Span } | { kind: 'variable'; name: string; span: Span };

/** How a field of an expected message is judged. */
export type FieldMatcher =
  | { kind: 'any' }
  | { kind: 'equals'; value: ValueExpression }
  | { kind: 'range'; low: ValueExpression; high: ValueExpression }
  /** `?name`: anything; the value is kept in the variable `name` for later steps. */
  | { kind: 'capture'; name: string };

export interface FieldSpec {
  name: string;
  matcher: FieldMatcher;
  span: Span;
}

/** SysEx, Mixed Data Set and MIDI-CI payload bytes; `null` is a `??` wildcard. */
export interface BytePattern {
  bytes: (number | null)[];
  /** Ends with `...`: more bytes may follow. */
  openEnded: boolean;
  span: Span;
}

export type MessageSpec =
  /** Hex words as the send commands accept them (sends only). */
  | { kind: 'words'; messages: Uint32Array[]; span: Span }
  /** Hex words with `?` nibbles or a `mask` (expectations only). */
  | { kind: 'wordPattern'; values: number[]; masks: number[]; span: Span }
  /** A friendly form: `note-on channel 3 note 60`, `sysex data 7E 7F …`, `ci discovery …`. */
  | { kind: 'form'; form: string; fields: FieldSpec[]; data?: BytePattern; span: Span }
  /** The reply to the last MIDI-CI request this test sent, matched by MUIDs and request id. */
  | { kind: 'ciReply'; fields: FieldSpec[]; span: Span }
  /** Any message at all (`expect no in any for 50ms`). */
  | { kind: 'any'; span: Span };

export type Step =
  | { kind: 'send'; endpoint: string; message: MessageSpec; span: Span }
  | { kind: 'expect'; endpoint: string; pattern: MessageSpec; withinUs: number; span: Span }
  | { kind: 'expectNo'; endpoint: string; pattern: MessageSpec; forUs: number; span: Span }
  | { kind: 'wait'; us: number; span: Span }
  | { kind: 'let'; name: string; value: ValueExpression; span: Span }
  | { kind: 'repeat'; count: ValueExpression; as?: string; steps: Step[]; span: Span };

export interface TestCase {
  name: string;
  /** The `test "…"` line. */
  span: Span;
  /** The whole block, `test` to `end`, for the editor's test range. */
  endLine: number;
  steps: Step[];
}

export type EndpointDeclaration =
  /** `loopback out <-> in`: a transient pair made for the run; `out` is its A side, `in` its B side. */
  | { kind: 'loopback'; a: string; b: string; span: Span }
  /** `endpoint synth "Name"` or `endpoint synth id "…"`: an endpoint that exists. */
  | { kind: 'endpoint'; alias: string; by: 'name' | 'id'; value: string; span: Span }
  /**
   * `virtual synth "Name"` or `virtual synth file "device.json"`: a virtual device made for the
   * run, answering discovery and MIDI-CI as declared; `synth` is the endpoint the test talks to.
   * `device NAME` also opens its device side, where the messages it does not answer arrive.
   */
  | {
      kind: 'virtual';
      alias: string;
      source: { kind: 'name'; name: string } | { kind: 'file'; path: string };
      deviceAlias?: string;
      span: Span;
    };

export interface TestFile {
  endpoints: EndpointDeclaration[];
  /** Every alias the file declares, in order. */
  aliases: string[];
  /** File-level `let`s, evaluated before each test. */
  variables: { name: string; value: ValueExpression; span: Span }[];
  /** The default for `expect … within` (from `timeout`), in microseconds. */
  timeoutUs: number;
  tests: TestCase[];
}

export interface Diagnostic {
  /** A sentence naming the token and what was expected there. */
  message: string;
  span: Span;
  token: string;
  expected: string;
}

export interface ParseResult {
  file: TestFile;
  /** Empty when the file is correct; otherwise one per faulty line. */
  diagnostics: Diagnostic[];
}
