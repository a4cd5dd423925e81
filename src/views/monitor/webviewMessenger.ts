// The host's side of the protocol: validates each message from the webview, hands valid ones to
// the panel's handler, and posts the handler's answer (a Promise on this side too) as a reply
// with `inReplyTo`. Invalid messages are logged and ignored; a failing handler answers
// RequestFailed so the webview's Promise rejects instead of waiting.
import type * as vscode from 'vscode';
import { MessageKind, type Envelope, type FromWebviewMessage, type ToWebviewMessage } from './protocol';
import { validateFromWebview } from './webviewMessageValidation';

/** Answers a message from the webview; undefined means no reply. */
export type MessageHandler = (message: FromWebviewMessage) => Promise<ToWebviewMessage | undefined>;

export class WebviewMessenger implements vscode.Disposable {
  private nextId = 1;
  private readonly subscription: vscode.Disposable;
  /** Messages from the webview rejected by validation (tests read it). */
  rejected = 0;

  constructor(
    private readonly webview: vscode.Webview,
    private readonly log: vscode.LogOutputChannel,
    handler: MessageHandler,
  ) {
    this.subscription = webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw, handler));
  }

  post(message: ToWebviewMessage, inReplyTo?: number): Thenable<boolean> {
    const envelope: Envelope<ToWebviewMessage> = { id: this.nextId++, message };
    if (inReplyTo !== undefined) envelope.inReplyTo = inReplyTo;
    return this.webview.postMessage(envelope);
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private async receive(raw: unknown, handler: MessageHandler): Promise<void> {
    const validation = validateFromWebview(raw);
    if (!validation.ok) {
      this.rejected++;
      this.log.warn(`monitor: ignored an invalid message from the webview: ${validation.reason}`);
      return;
    }
    const { id, message } = validation.envelope;
    let reply: ToWebviewMessage | undefined;
    try {
      reply = await handler(message);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log.error(`monitor: ${message.kind} failed: ${reason}`);
      reply = { kind: MessageKind.RequestFailed, reason };
    }
    if (reply) await this.post(reply, id);
  }
}
