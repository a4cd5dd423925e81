// Export: asks where to save, then writes the capture (or the filtered view) in chunks,
// yielding to the event loop between them so a million-message export never freezes the
// extension host.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as vscode from 'vscode';
import type { Capture } from './capture';
import { PacketWalk } from './capturePackets';
import { exportFormatter } from './exportFormats';
import type { EndpointLabel, ExportDoneMessage, ExportFormat, ExportScope } from './protocol';

/** Characters formatted before the next write and the next turn of the event loop. */
const chunkCharacters = 1 << 20;

/** Remembers the folder of the last export (global state), so the next one starts there. */
export interface ExportFolderMemory {
  get(): vscode.Uri | undefined;
  set(folder: vscode.Uri): void;
}

export interface ExportContext {
  endpoints: readonly EndpointLabel[];
  ticksPerSecond: number;
  log: vscode.LogOutputChannel;
  folder: ExportFolderMemory;
}

type ExportOutcome = Omit<ExportDoneMessage, 'kind'>;

/** Writes text chunks to a file: streamed for local files, gathered for other file systems. */
interface ChunkSink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

function fileSink(uri: vscode.Uri): ChunkSink {
  if (uri.scheme === 'file') {
    const stream = createWriteStream(uri.fsPath, { encoding: 'utf8' });
    const failed = once(stream, 'error');
    return {
      async write(text) {
        if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
      },
      async close() {
        stream.end();
        await Promise.race([once(stream, 'finish'), failed]);
      },
    };
  }
  const parts: Buffer[] = [];
  return {
    write(text) {
      parts.push(Buffer.from(text, 'utf8'));
      return Promise.resolve();
    },
    close: async () => vscode.workspace.fs.writeFile(uri, Buffer.concat(parts)),
  };
}

function defaultFileName(extension: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return `midi-capture-${stamp}.${extension}`;
}

export async function exportCapture(
  capture: Capture,
  format: ExportFormat,
  scope: ExportScope,
  context: ExportContext,
): Promise<ExportOutcome> {
  const names = context.endpoints.map((endpoint) => endpoint.name).join(', ');
  const title = `MIDI Scope capture of ${names}, exported ${new Date().toISOString()}`;
  const formatter = exportFormatter(format, context.ticksPerSecond, title);
  // The last folder used, else the workspace's root (never a folder the dialog happened to show last).
  const folder = context.folder.get() ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = defaultFileName(formatter.extension);
  const uri = await vscode.window.showSaveDialog({
    title: scope === 'all' ? 'Export MIDI capture' : 'Export filtered MIDI messages',
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: { [formatter.filterName]: [formatter.extension] },
  });
  if (!uri) return { outcome: 'cancelled', detail: 'no file chosen', messagesWritten: 0 };

  const walk = new PacketWalk(capture, context.endpoints);
  const packets =
    scope === 'all' ? walk.all() : walk.viewRows(capture.view.start, capture.view.end - capture.view.start);
  const sink = fileSink(uri);
  let written = 0;
  try {
    let chunk = formatter.header();
    for (const packet of packets) {
      chunk += formatter.message(packet, written === 0);
      written++;
      if (chunk.length >= chunkCharacters) {
        await sink.write(chunk);
        chunk = '';
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await sink.write(chunk + formatter.footer());
    await sink.close();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    context.log.error(`monitor: export to ${uri.toString()} failed: ${reason}`);
    return { outcome: 'failed', detail: reason, messagesWritten: written };
  }
  const skipped = walk.skipped > 0 ? ` (${walk.skipped} evicted during the export and not written)` : '';
  context.log.info(`monitor: exported ${written} messages as ${format} to ${uri.toString()}${skipped}`);
  context.folder.set(vscode.Uri.joinPath(uri, '..'));
  void announceExport(uri, written, skipped);
  return { outcome: 'saved', detail: `${uri.fsPath || uri.toString()}${skipped}`, messagesWritten: written };
}

/** The notification that the file is written, with "Open" to look at it. */
async function announceExport(uri: vscode.Uri, written: number, skipped: string): Promise<void> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const open = 'Open';
  const answer = await vscode.window.showInformationMessage(
    `Exported ${written} messages to ${name}${skipped}.`,
    open,
  );
  if (answer === open) await vscode.commands.executeCommand('vscode.open', uri);
}
