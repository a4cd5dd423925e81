// The detail pane: every field of the selected message, packet by packet, and for multi-packet
// messages the reassembled payload.
import { decodeUmp, fieldsWithNumbering, numberLabel } from '../../src/ump';
import type { PacketRecord } from '../../src/views/monitor/rowsBlock';
import { midiCiDetails } from './midiCiRow';
import { reassembledPayload } from './payloadText';
import { problemSection } from './problemView';
import { withStreamProblems } from './streamProblems';
import { hexWords, type PresentationContext } from './rowPresentation';
import { formatTime, timeHeaders } from './timeFormat';

export interface DetailSubject {
  endpointIndex: number;
  /** The row's packets, first to last (one for most messages). */
  packets: readonly PacketRecord[];
  /** The row has more packets than were sent for display. */
  truncated: boolean;
  /** The message's end never arrived (yet). */
  incomplete: boolean;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function table(caption: string, rows: readonly (readonly [string, string])[]): HTMLTableElement {
  const result = element('table');
  result.setAttribute('aria-label', caption);
  for (const [name, value] of rows) {
    const tr = element('tr');
    const th = element('th', name);
    th.scope = 'row';
    tr.append(th, element('td', value));
    result.append(tr);
  }
  return result;
}

export class DetailPane {
  readonly element: HTMLElement;
  /** Extra content under the MIDI-CI table (the link to a request's reply, set by the app). */
  midiCiLink?: (subject: DetailSubject) => HTMLElement | undefined;

  constructor() {
    this.element = element('aside', undefined, 'details');
    this.element.setAttribute('aria-label', 'Message details');
    this.element.tabIndex = -1;
    this.show(undefined, undefined);
  }

  /** Shows `subject`; undefined shows a hint, `loading` while its packets are being fetched. */
  show(subject: DetailSubject | undefined, context: PresentationContext | undefined, loading = false): void {
    if (!subject || !context || subject.packets.length === 0) {
      this.element.replaceChildren(
        element('p', loading ? 'Loading…' : 'Select a message to see every field.', 'empty'),
      );
      return;
    }
    const first = subject.packets[0];
    const decodedFirst = decodeUmp(first.words, 0);
    const heading = element('h2', decodedFirst.name);
    const overview: [string, string][] = [
      ['Sequence', String(first.seq)],
      [timeHeaders[context.time].header, formatTime(first.timestamp, context.time, context)],
      ['Endpoint', context.endpoints[subject.endpointIndex]?.name ?? String(subject.endpointIndex)],
      ['Message type', `0x${decodedFirst.messageType.toString(16).toUpperCase()}`],
    ];
    if (decodedFirst.group !== undefined)
      overview.push(['Group', numberLabel(decodedFirst.group, context.numbering)]);
    if (decodedFirst.channel !== undefined)
      overview.push(['Channel', numberLabel(decodedFirst.channel, context.numbering)]);
    if (subject.packets.length > 1 || subject.incomplete) {
      overview.push([
        'Packets',
        `${subject.packets.length}${subject.truncated ? '+ (first ones shown)' : ''}`,
      ]);
    }
    if (subject.incomplete) overview.push(['State', 'incomplete: the end packet has not arrived']);
    const parts: HTMLElement[] = [heading, table('Overview', overview)];

    const payload = subject.packets.length > 1 ? reassembledPayload(subject.packets) : undefined;
    if (payload) {
      parts.push(element('h3', payload.label), element('p', payload.text, 'hex'));
    }
    const midiCi =
      subject.truncated || subject.incomplete ? undefined : midiCiDetails(subject.packets, context.numbering);
    if (midiCi) {
      const rows: [string, string][] = [['Summary', midiCi.summary], ...midiCi.fields];
      for (const problem of midiCi.problems) rows.push(['Problem', problem]);
      parts.push(element('h3', 'MIDI-CI'), table('MIDI-CI', rows));
      const link = this.midiCiLink?.(subject);
      if (link) parts.push(link);
    }
    subject.packets.forEach((packet, i) => {
      const decoded = decodeUmp(packet.words, 0);
      const title = subject.packets.length > 1 ? `Packet ${i + 1}: ${decoded.name}` : 'Fields';
      const rows: [string, string][] = fieldsWithNumbering(decoded.fields, context.numbering).map((field) => [
        field.name,
        field.display,
      ]);
      rows.push(['Words', hexWords(packet.words, decoded.wordCount)]);
      parts.push(element('h3', title), table(title, rows));
      const problems = withStreamProblems(decoded.problems, packet.streamProblems);
      parts.push(...problemSection(problems, packet.words, decoded.wordCount, context.numbering));
    });
    this.element.replaceChildren(...parts);
  }
}
