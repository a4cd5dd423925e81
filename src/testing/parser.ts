// Parses a test file (*.umptest, see docs/umptest.md) line by line. A faulty line becomes a
// diagnostic with its position and parsing goes on with the next line, so the editor can show
// every problem at once; the tests are still listed.
import type { Diagnostic, EndpointDeclaration, ParseResult, Span, Step, TestCase, TestFile } from './ast';
import { splitLines, type Token } from './lexer';
import { parseMessage } from './messageParser';
import { ParseProblem, problem, spanOf, TokenCursor } from './tokenCursor';
import { isName, parseDuration, parseValue, type Scope } from './values';

/** `expect … within` when the file sets no `timeout`. */
export const defaultTimeoutUs = 1_000_000;

interface OpenBlock {
  kind: 'test' | 'repeat';
  steps: Step[];
  opener: Token;
  finish(endLine: number): void;
  scope: Scope;
  /** A MIDI-CI request was sent earlier in this test (for `ci reply`). */
  ciRequestSent: { value: boolean };
}

const stepKeywords = new Set(['send', 'expect', 'wait', 'repeat']);

export function parseTestFile(text: string): ParseResult {
  return new TestFileParser(text).parse();
}

class TestFileParser {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly file: TestFile = {
    endpoints: [],
    aliases: [],
    variables: [],
    timeoutUs: defaultTimeoutUs,
    tests: [],
  };
  private readonly fileScope: Scope = new Set();
  /** The aliases a step without one may default to (a virtual device's device side is not one). */
  private readonly defaultAliases: string[] = [];
  private readonly blocks: OpenBlock[] = [];

  constructor(private readonly text: string) {}

  parse(): ParseResult {
    for (const source of splitLines(this.text)) {
      if (source.tokens.length === 0) continue;
      try {
        if (source.unterminated) {
          throw problem(source.unterminated, 'this string has no closing quote', 'a closing "');
        }
        this.parseLine(new TokenCursor(source));
      } catch (error) {
        if (!(error instanceof ParseProblem)) throw error;
        this.diagnostics.push(error.diagnostic);
      }
    }
    for (const block of this.blocks.reverse()) {
      this.diagnostics.push({
        message: `this ${block.kind} has no "end"`,
        span: spanOf(block.opener),
        token: block.opener.text,
        expected: 'a line with end',
      });
      block.finish(block.opener.line);
    }
    return { file: this.file, diagnostics: this.diagnostics };
  }

  private parseLine(cursor: TokenCursor): void {
    const keyword = cursor.next('a statement');
    const block = this.blocks[this.blocks.length - 1];
    switch (keyword.text) {
      case 'end':
        if (!block) throw problem(keyword, '"end" closes nothing', 'test "name" or repeat N before it');
        cursor.expectEnd('end');
        this.blocks.pop();
        block.finish(keyword.line);
        return;
      case 'test':
        if (block) throw problem(keyword, `a test cannot start inside a ${block.kind}`, 'end first');
        this.openTest(cursor, keyword);
        return;
      case 'let':
        this.parseLet(cursor, keyword, block);
        return;
      case 'loopback':
      case 'endpoint':
      case 'virtual':
      case 'timeout':
        if (block)
          throw problem(keyword, `${keyword.text} belongs at the top of the file, outside tests`, 'a step');
        this.parseDeclaration(cursor, keyword);
        return;
    }
    if (!stepKeywords.has(keyword.text)) {
      const expected = block
        ? 'send, expect, wait, repeat, let or end'
        : 'loopback, endpoint, virtual, timeout, let or test';
      throw problem(keyword, `unknown statement "${keyword.text}"`, expected);
    }
    if (!block) throw problem(keyword, `${keyword.text} must be inside a test`, 'test "name" first');
    if (keyword.text === 'repeat') {
      this.openRepeat(cursor, keyword, block);
      return;
    }
    block.steps.push(this.parseStep(cursor, keyword, block));
  }

  private openTest(cursor: TokenCursor, keyword: Token): void {
    const nameToken = cursor.next("the test's name in quotes");
    const test: TestCase = {
      name: nameToken.quoted ?? nameToken.text,
      span: spanOf(keyword),
      endLine: keyword.line,
      steps: [],
    };
    this.file.tests.push(test);
    this.blocks.push({
      kind: 'test',
      steps: test.steps,
      opener: keyword,
      finish: (endLine) => (test.endLine = endLine),
      scope: new Set(this.fileScope),
      ciRequestSent: { value: false },
    });
    if (nameToken.quoted === undefined) throw problem(nameToken, 'a test name goes in quotes', '"name"');
    if (this.file.tests.some((other) => other !== test && other.name === test.name)) {
      throw problem(nameToken, `another test is named "${test.name}"`, 'a name of its own');
    }
    cursor.expectEnd('the test name');
  }

  private openRepeat(cursor: TokenCursor, keyword: Token, parent: OpenBlock): void {
    const steps: Step[] = [];
    const scope = new Set(parent.scope);
    const step: Step = {
      kind: 'repeat',
      count: { kind: 'number', value: 0, span: spanOf(keyword) },
      steps,
      span: spanOf(keyword),
    };
    parent.steps.push(step);
    this.blocks.push({
      kind: 'repeat',
      steps,
      opener: keyword,
      finish: () => undefined,
      scope,
      ciRequestSent: parent.ciRequestSent,
    });
    step.count = parseValue(cursor.next('how many times'), scope, 'repeat');
    if (cursor.accept('as')) {
      const name = cursor.next('a name for the counter');
      if (!isName(name.text)) throw problem(name, `"${name.text}" is not a name`, 'a name such as i');
      step.as = name.text;
      scope.add(name.text);
    }
    cursor.expectEnd('repeat');
  }

  private parseLet(cursor: TokenCursor, keyword: Token, block: OpenBlock | undefined): void {
    const name = cursor.next('a variable name');
    if (!isName(name.text))
      throw problem(name, `"${name.text}" is not a variable name`, 'a name such as note');
    const equals = cursor.next('=');
    if (equals.text !== '=') throw problem(equals, `expected = after ${name.text}`, '=');
    const scope = block?.scope ?? this.fileScope;
    const value = parseValue(cursor.next('a value'), scope, name.text);
    cursor.expectEnd('the value');
    scope.add(name.text);
    const span = spanOf(keyword);
    if (block) block.steps.push({ kind: 'let', name: name.text, value, span });
    else this.file.variables.push({ name: name.text, value, span });
  }

  private parseDeclaration(cursor: TokenCursor, keyword: Token): void {
    if (keyword.text === 'timeout') {
      this.file.timeoutUs = parseDuration(cursor.next('a duration such as 100ms'));
      cursor.expectEnd('the timeout');
      return;
    }
    const span = spanOf(keyword);
    let declaration: EndpointDeclaration;
    if (keyword.text === 'loopback') {
      const a = this.newAlias(cursor.next('a name for the A side'));
      const arrow = cursor.next('<->');
      if (arrow.text !== '<->') throw problem(arrow, `expected <-> between the two sides`, '<->');
      const b = this.newAlias(cursor.next('a name for the B side'));
      declaration = { kind: 'loopback', a, b, span };
    } else if (keyword.text === 'virtual') {
      declaration = this.parseVirtual(cursor, span);
    } else {
      const alias = this.newAlias(cursor.next('a name for the endpoint'));
      const byId = cursor.accept('id') !== undefined;
      const value = cursor.next(byId ? 'the endpoint id in quotes' : 'the endpoint name in quotes');
      if (value.quoted === undefined)
        throw problem(value, 'the endpoint goes in quotes', '"Endpoint Name" or id "…"');
      declaration = { kind: 'endpoint', alias, by: byId ? 'id' : 'name', value: value.quoted, span };
    }
    cursor.expectEnd('the declaration');
    this.file.endpoints.push(declaration);
  }

  /** `virtual NAME ( "Endpoint Name" | file "device.json" ) [ device NAME ]`. */
  private parseVirtual(cursor: TokenCursor, span: Span): EndpointDeclaration {
    const alias = this.newAlias(cursor.next('a name for the virtual device'));
    const fromFile = cursor.accept('file') !== undefined;
    const value = cursor.next(fromFile ? 'the declaration file in quotes' : 'the endpoint name in quotes');
    if (value.quoted === undefined || value.quoted === '') {
      throw problem(
        value,
        fromFile ? 'the file name goes in quotes' : 'the endpoint name goes in quotes',
        fromFile ? 'file "device.json"' : '"Endpoint Name" or file "device.json"',
      );
    }
    const source = fromFile
      ? { kind: 'file' as const, path: value.quoted }
      : { kind: 'name' as const, name: value.quoted };
    if (cursor.accept('device') === undefined) return { kind: 'virtual', alias, source, span };
    // The device side is reachable by its name only: steps without a name never default to it.
    const deviceAlias = this.newAlias(cursor.next('a name for the device side'), false);
    return { kind: 'virtual', alias, source, deviceAlias, span };
  }

  private newAlias(token: Token, isDefault = true): string {
    if (!isName(token.text))
      throw problem(token, `"${token.text}" is not a name`, 'a name such as out or synth');
    if (this.file.aliases.includes(token.text))
      throw problem(token, `${token.text} is declared twice`, 'a new name');
    this.file.aliases.push(token.text);
    if (isDefault) this.defaultAliases.push(token.text);
    return token.text;
  }

  private parseStep(cursor: TokenCursor, keyword: Token, block: OpenBlock): Step {
    const span: Span = { ...spanOf(keyword), length: this.lineLength(cursor, keyword) };
    if (keyword.text === 'wait') {
      const us = parseDuration(cursor.next('a duration such as 10ms'));
      cursor.expectEnd('wait');
      return { kind: 'wait', us, span };
    }
    if (keyword.text === 'send') {
      const endpoint = this.endpointFor(cursor, keyword, 'send');
      const message = parseMessage(cursor, 'send', block.scope, this.text);
      if (message.kind === 'form' && message.form.startsWith('ci ')) block.ciRequestSent.value = true;
      return { kind: 'send', endpoint, message, span };
    }
    const no = cursor.accept('no');
    const tokens = cursor.tokens;
    const clause = tokens.length >= 2 ? tokens[tokens.length - 2] : undefined;
    if (no) {
      if (clause?.text !== 'for')
        throw cursor.problemAtEnd(
          '"expect no" needs a duration at the end',
          'for and a duration, e.g. for 50ms',
        );
      const forUs = parseDuration(tokens[tokens.length - 1]);
      cursor.truncate(2);
      const endpoint = this.endpointFor(cursor, keyword, 'expect');
      const pattern = parseMessage(cursor, 'expect', block.scope, this.text);
      return { kind: 'expectNo', endpoint, pattern, forUs, span };
    }
    let withinUs = this.file.timeoutUs;
    if (clause?.text === 'within') {
      withinUs = parseDuration(tokens[tokens.length - 1]);
      cursor.truncate(2);
    }
    const endpoint = this.endpointFor(cursor, keyword, 'expect');
    const pattern = parseMessage(cursor, 'expect', block.scope, this.text);
    if (pattern.kind === 'ciReply' && !block.ciRequestSent.value) {
      throw problem(
        keyword,
        '"ci reply" needs a MIDI-CI request sent before it in this test',
        'a send … ci step first',
      );
    }
    return { kind: 'expect', endpoint, pattern, withinUs, span };
  }

  /** An explicit alias, or the default: the first declared for sends, the last for expectations. */
  private endpointFor(cursor: TokenCursor, keyword: Token, use: 'send' | 'expect'): string {
    const candidate = cursor.peek();
    if (candidate && this.file.aliases.includes(candidate.text)) {
      cursor.next('');
      return candidate.text;
    }
    const aliases = this.defaultAliases;
    if (aliases.length === 0) {
      throw problem(
        keyword,
        'no endpoint is declared',
        'a line such as loopback out <-> in, or endpoint synth "Name", at the top',
      );
    }
    return use === 'send' ? aliases[0] : aliases[aliases.length - 1];
  }

  private lineLength(cursor: TokenCursor, keyword: Token): number {
    const last = cursor.tokens[cursor.tokens.length - 1];
    return last.offset + last.text.length - keyword.offset;
  }
}
