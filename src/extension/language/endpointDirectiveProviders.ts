// `#endpoint` in the editor: completion of the engine's endpoint ids (their names shown and
// matched too) after `#endpoint `, and the hover that says which endpoint a directive names.
import * as vscode from 'vscode';
import type { MidiEndpointDeviceInformation } from '../../engine/types';
import { protocolLabel, transportDisplayName } from '../../views/endpoints/endpointDescriptions';
import { directiveAbove, resolveEndpoint, type EndpointDirective } from './endpointDirectives';
import type { UmpModelCache } from './umpModelCache';

export interface EndpointSource {
  findAll(): readonly MidiEndpointDeviceInformation[];
}

export class EndpointDirectiveCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly endpoints: EndpointSource) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const typed = /^[ \t]*#endpoint[ \t]+("?)([^\s"]*)$/.exec(before);
    if (typed === null) return [];
    const replace = new vscode.Range(position.translate(0, -(typed[1].length + typed[2].length)), position);
    return this.endpoints.findAll().map((endpoint, index) => {
      const item = new vscode.CompletionItem(
        { label: endpoint.endpointDeviceId, description: endpoint.name },
        vscode.CompletionItemKind.Value,
      );
      item.insertText = endpoint.endpointDeviceId;
      item.filterText = `${typed[1]}${endpoint.endpointDeviceId} ${endpoint.name}`;
      item.range = replace;
      item.detail = `${endpoint.name} · ${transportDisplayName(endpoint.transport)} · ${protocolLabel(endpoint)}`;
      item.documentation = endpoint.description === '' ? undefined : endpoint.description;
      item.sortText = String(index).padStart(4, '0');
      return item;
    });
  }
}

/** The hover of an `#endpoint` line: the endpoint it names now, and which blocks go there. */
export function endpointDirectiveHover(
  cache: UmpModelCache,
  endpoints: EndpointSource,
  document: vscode.TextDocument,
  position: vscode.Position,
): vscode.Hover | undefined {
  const model = cache.get(document);
  const directive = model.endpointDirectives.find((candidate) => candidate.line === position.line);
  if (directive === undefined) return undefined;
  const blocks = model.blocks.filter(
    (block) =>
      block.messages.length > 0 && directiveAbove(model.endpointDirectives, block.startLine) === directive,
  );
  const markdown = new vscode.MarkdownString(
    endpointHoverMarkdown(directive, endpoints.findAll(), blocks.length),
  );
  return new vscode.Hover(
    markdown,
    new vscode.Range(
      document.positionAt(directive.offset),
      document.positionAt(directive.offset + directive.length),
    ),
  );
}

function endpointHoverMarkdown(
  directive: EndpointDirective,
  endpoints: readonly MidiEndpointDeviceInformation[],
  blockCount: number,
): string {
  const where = `The CodeLens **Send** and **Schedule** of the ${blockCount} block${blockCount === 1 ? '' : 's'} below (up to the next \`#endpoint\`) go here.`;
  if (directive.argument === '') return `**#endpoint** names no endpoint yet.\n\n${where}`;
  const resolution = resolveEndpoint(directive.argument, endpoints);
  if (resolution.kind === 'unknown')
    return `**#endpoint** \`${directive.argument}\`: no endpoint has that id or name now.\n\n${where}`;
  const { endpoint } = resolution;
  const lines = [
    `**${endpoint.name}** \`${endpoint.endpointDeviceId}\``,
    '',
    [transportDisplayName(endpoint.transport), protocolLabel(endpoint), endpoint.description]
      .filter((part) => part !== '')
      .join(' · '),
    '',
    where,
  ];
  if (resolution.kind === 'ambiguous')
    lines.push(
      '',
      `${resolution.others.length + 1} endpoints have this name; write the id to choose another.`,
    );
  return lines.join('\n');
}
