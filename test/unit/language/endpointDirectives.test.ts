// `#endpoint` lines in `.ump` files: read apart from comments and C preprocessor lines, ending the
// block above, applying to the blocks below, and checked against the engine's endpoints.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  directiveAbove,
  endpointDirectiveProblem,
  readEndpointDirective,
  resolveEndpoint,
} from '../../../src/extension/language/endpointDirectives';
import { buildUmpDocumentModel } from '../../../src/extension/language/umpDocumentModel';
import { parseUmpHex } from '../../../src/ump';

const endpoints = [
  { endpointDeviceId: 'midiscope://diagnostics/loopback-a', name: 'Diagnostics Loopback A' },
  { endpointDeviceId: 'midiscope://diagnostics/loopback-b', name: 'Diagnostics Loopback B' },
  { endpointDeviceId: 'midiscope://loopback/1-a', name: 'Synth' },
  { endpointDeviceId: 'midiscope://loopback/2-a', name: 'Synth' },
];

void describe('#endpoint directives', () => {
  void it('reads the id or name, quoted or not, a trailing comment aside, with where it was written', () => {
    const line = '  #endpoint "Diagnostics Loopback B"  // the monitor listens';
    const directive = readEndpointDirective(line, 3, 100);
    assert.ok(directive);
    assert.equal(directive.argument, 'Diagnostics Loopback B');
    assert.equal(directive.line, 3);
    assert.equal(
      line.slice(directive.offset - 100, directive.offset - 100 + directive.length),
      '#endpoint "Diagnostics Loopback B"',
    );
    assert.equal(
      line.slice(directive.argumentOffset - 100, directive.argumentOffset - 100 + directive.argumentLength),
      '"Diagnostics Loopback B"',
    );
    assert.equal(
      readEndpointDirective('#endpoint midiscope://diagnostics/loopback-a', 0, 0)?.argument,
      'midiscope://diagnostics/loopback-a',
    );
    const empty = readEndpointDirective('#endpoint', 0, 0);
    assert.deepEqual([empty?.argument, empty?.length], ['', '#endpoint'.length]);
  });

  void it('is not a comment that mentions an endpoint, nor a C preprocessor line', () => {
    for (const text of [
      '# endpoint B is the synth',
      '#endpoints 2',
      '#define ENDPOINT 0x20903C64',
      '// #endpoint B',
      '0x20903C64 #endpoint B',
    ])
      assert.equal(readEndpointDirective(text, 0, 0), undefined, text);
  });

  void it('ends the block above it and applies to the blocks below, up to the next one', () => {
    const text = [
      '0x20903C64',
      '#endpoint Diagnostics Loopback A',
      '0x20903C65',
      '',
      '0x20903C66',
      '#endpoint Synth',
      '0x20903C67',
      '/*',
      '#endpoint in a comment',
      '*/',
    ].join('\n');
    const model = buildUmpDocumentModel(text);
    assert.deepEqual(
      model.endpointDirectives.map((d) => [d.line, d.argument]),
      [
        [1, 'Diagnostics Loopback A'],
        [5, 'Synth'],
      ],
    );
    assert.deepEqual(
      model.blocks.map((block) => [
        block.startLine,
        block.messages.length,
        directiveAbove(model.endpointDirectives, block.startLine)?.argument,
      ]),
      [
        [0, 1, undefined],
        [2, 1, 'Diagnostics Loopback A'],
        [4, 1, 'Diagnostics Loopback A'],
        [6, 1, 'Synth'],
      ],
    );
  });

  void it('keeps #define NOTE_ON 0x20903C64 a message beside it, and is a comment to parseUmpHex', () => {
    const text = ['#endpoint Synth', '#define NOTE_ON 0x20903C64', '0x20803C00'].join('\n');
    const model = buildUmpDocumentModel(text);
    assert.deepEqual(
      model.messages.map((m) => m.words[0]),
      [0x20903c64, 0x20803c00],
    );
    assert.equal(model.blocks[0].skipped[0].text, '#define NOTE_ON');
    assert.equal(directiveAbove(model.endpointDirectives, model.blocks[0].startLine)?.argument, 'Synth');
    // Send Selection over the same text: the directive is a comment, the define gives its value.
    const parsed = parseUmpHex(text);
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.messages.map((m) => m.words[0]),
      [0x20903c64, 0x20803c00],
    );
    assert.deepEqual(
      parsed.skipped.map((s) => s.text),
      ['#define NOTE_ON'],
    );
  });

  void it('finds an endpoint by id, then by name, then by name in any case', () => {
    const byId = resolveEndpoint('midiscope://loopback/2-a', endpoints);
    assert.deepEqual([byId.kind, byId.kind === 'found' && byId.by], ['found', 'id']);
    const byName = resolveEndpoint('diagnostics loopback b', endpoints);
    assert.equal(
      byName.kind === 'found' && byName.endpoint.endpointDeviceId,
      'midiscope://diagnostics/loopback-b',
    );
    const twice = resolveEndpoint('Synth', endpoints);
    assert.equal(twice.kind, 'ambiguous');
    assert.equal(twice.kind === 'ambiguous' && twice.endpoint.endpointDeviceId, 'midiscope://loopback/1-a');
    assert.equal(resolveEndpoint('Piano', endpoints).kind, 'unknown');
  });

  void it('warns of an endpoint that is not there (devices come and go) or a name two endpoints share', () => {
    const at = (text: string) => {
      const directive = readEndpointDirective(text, 0, 0);
      assert.ok(directive);
      return endpointDirectiveProblem(directive, endpoints);
    };
    assert.equal(at('#endpoint Diagnostics Loopback A'), undefined);
    const unknown = at('#endpoint Piano');
    assert.deepEqual([unknown?.severity, unknown?.code], ['warning', 'endpointUnknown']);
    assert.match(unknown?.text ?? '', /"Piano".*Endpoints now: midiscope:\/\/diagnostics\/loopback-a,/);
    const shared = at('#endpoint Synth');
    assert.deepEqual([shared?.severity, shared?.code], ['warning', 'endpointAmbiguous']);
    const missing = at('#endpoint   // nothing');
    assert.deepEqual([missing?.severity, missing?.code], ['error', 'endpointMissing']);
  });
});
