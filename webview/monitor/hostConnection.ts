// The webview's side of the protocol: posts envelopes to the host, turns requests into Promises
// answered by the host's reply (matched by inReplyTo), and hands every other message to one
// listener.
import type {
  Envelope,
  FromWebviewMessage,
  MonitorWebviewState,
  ToWebviewMessage,
} from '../../src/views/monitor/protocol';
import { MessageKind } from '../../src/views/monitor/protocol';

/** A request unanswered this long is given up: the host may have been reloaded. */
const requestTimeoutMs = 15_000;

interface Pending {
  resolve(message: ToWebviewMessage): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class HostConnection {
  private readonly vscode = acquireVsCodeApi<MonitorWebviewState>();
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly onMessage: (message: ToWebviewMessage, envelope: Envelope<ToWebviewMessage>) => void,
  ) {
    window.addEventListener('message', (event: MessageEvent<Envelope<ToWebviewMessage>>) =>
      this.receive(event.data),
    );
  }

  /** Fire-and-forget message; returns its id. */
  post(message: FromWebviewMessage, inReplyTo?: number): number {
    const id = this.nextId++;
    const envelope: Envelope<FromWebviewMessage> = { id, message };
    if (inReplyTo !== undefined) envelope.inReplyTo = inReplyTo;
    this.vscode.postMessage(envelope);
    return id;
  }

  /** Posts a request and resolves with the host's reply; RequestFailed replies reject. */
  request(message: FromWebviewMessage): Promise<ToWebviewMessage> {
    return new Promise((resolve, reject) => {
      const id = this.post(message);
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${message.kind} within ${requestTimeoutMs / 1000} s`));
      }, requestTimeoutMs);
      this.pending.set(id, { resolve, reject, timer });
    });
  }

  getState(): MonitorWebviewState | undefined {
    return this.vscode.getState();
  }

  setState(state: MonitorWebviewState): void {
    this.vscode.setState(state);
  }

  private receive(envelope: Envelope<ToWebviewMessage> | undefined): void {
    if (typeof envelope !== 'object' || envelope === null || typeof envelope.message !== 'object') return;
    const waiting = envelope.inReplyTo === undefined ? undefined : this.pending.get(envelope.inReplyTo);
    if (waiting && envelope.inReplyTo !== undefined) {
      this.pending.delete(envelope.inReplyTo);
      clearTimeout(waiting.timer);
      if (envelope.message.kind === MessageKind.RequestFailed)
        waiting.reject(new Error(envelope.message.reason));
      else waiting.resolve(envelope.message);
      return;
    }
    this.onMessage(envelope.message, envelope);
  }
}
