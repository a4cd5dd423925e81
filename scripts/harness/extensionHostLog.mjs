// @ts-check
// Reading the logs code-server writes under <user-data-dir>/logs/<date>/:
//   remoteagent.log                          the server: extension host processes starting and exiting,
//                                            and whatever they print to stdout/stderr
//   exthost<N>/remoteexthost.log             one extension host: activations, errors
//   exthost<N>/<extension id>/<channel>.log  each extension's log channels
// One exthost<N> per window load: a reload starts the next one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {object} LogEntry
 * @property {number} time milliseconds since the epoch (the log's local time)
 * @property {string} level info, warning, error, trace…
 * @property {string} text the message, with any continuation lines (stack traces)
 */

/**
 * @typedef {object} ActivationReport
 * @property {string} extensionId
 * @property {string} activationEvent what triggered it, e.g. onView:midiScope.endpoints
 * @property {number} requestedAt when the extension host began loading it (ms since the epoch)
 * @property {boolean} finished the extension logged that it finished activating
 * @property {number | undefined} selfReportedMs how long activate() took by its own measure (the N
 *   of its "activated in N ms" line). The line's timestamp is no end mark: a log channel stamps
 *   the lines logged before it is ready (as at activation) only once it is.
 * @property {string[]} errors activation failures the extension host logged for it
 */

const entryStart = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3}) \[(\w+)\] ?(.*)$/;
/** How the extension says it finished activating (src/extension/extension.ts logs it last). */
const activatedLine = /activated in ([\d.]+) ms/i;

/**
 * Every extension host log directory, oldest first.
 * @param {string} userDataDir
 * @returns {string[]}
 */
export function extensionHostLogDirectories(userDataDir) {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return [];
  const found = [];
  for (const session of readdirSync(logs).sort()) {
    const hosts = readdirSync(join(logs, session)).filter((name) => /^exthost\d+$/.test(name));
    hosts.sort((a, b) => Number(a.slice('exthost'.length)) - Number(b.slice('exthost'.length)));
    found.push(...hosts.map((name) => join(logs, session, name)));
  }
  return found;
}

/**
 * The newest extension host's main log, or undefined before any extension host started.
 * @param {string} userDataDir
 */
export function latestExtensionHostLog(userDataDir) {
  const directory = extensionHostLogDirectories(userDataDir).pop();
  if (directory === undefined) return undefined;
  const file = join(directory, 'remoteexthost.log');
  return existsSync(file) ? file : undefined;
}

/**
 * @param {string} file
 * @returns {LogEntry[]}
 */
export function readLogEntries(file) {
  if (!existsSync(file)) return [];
  /** @type {LogEntry[]} */
  const entries = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = entryStart.exec(line);
    if (match) {
      const [, year, month, day, hour, minute, second, millisecond, level, text] = match;
      const time = new Date(+year, +month - 1, +day, +hour, +minute, +second, +millisecond).getTime();
      entries.push({ time, level, text });
    } else if (entries.length > 0 && line !== '') {
      entries[entries.length - 1].text += `\n${line}`;
    }
  }
  return entries;
}

/**
 * The last `count` lines of the newest extension host log, with its path, for error reports.
 * @param {string} userDataDir
 * @param {number} [count]
 */
export function extensionHostLogTail(userDataDir, count = 40) {
  const file = latestExtensionHostLog(userDataDir);
  if (file === undefined)
    return `(no extension host log under ${join(userDataDir, 'logs')}: it never started)`;
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  return [`last ${Math.min(count, lines.length)} lines of ${file}:`, ...lines.slice(-count)].join('\n');
}

/**
 * The last `count` lines of the server's log (extension host processes and their stderr).
 * @param {string} userDataDir
 * @param {number} [count]
 */
export function serverLogTail(userDataDir, count = 20) {
  const file = serverLogs(userDataDir).pop();
  if (file === undefined) return `(no remoteagent.log under ${join(userDataDir, 'logs')})`;
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  return [`last ${Math.min(count, lines.length)} lines of ${file}:`, ...lines.slice(-count)].join('\n');
}

/**
 * Every "Extension Host Process exited" line the server logged: a host that died under a test.
 * @param {string} userDataDir
 * @returns {string[]}
 */
export function extensionHostExits(userDataDir) {
  return serverLogs(userDataDir)
    .flatMap((file) => readLogEntries(file))
    .map((entry) => entry.text)
    .filter((text) => /Extension Host Process exited with code/.test(text));
}

/**
 * How each extension host was told to end and whether it exited, from its own log and the
 * server's: tells a terminate message lost in a page reload (no "terminating" line) from an
 * extension host that hung in deactivation ("terminating" without "exiting").
 * @param {string} userDataDir
 * @returns {string[]}
 */
export function extensionHostLifecycle(userDataDir) {
  const lifecycle =
    /Extension host terminating|Extension host with pid|Extension host exiting|Extension Host Process exited|renderer disconnected/;
  const hostLines = extensionHostLogDirectories(userDataDir).flatMap((directory) =>
    readLogEntries(join(directory, 'remoteexthost.log'))
      .filter((entry) => lifecycle.test(entry.text))
      .map((entry) => `${directory.split('/').pop()}: ${entry.text}`),
  );
  const serverLines = serverLogs(userDataDir)
    .flatMap((file) => readLogEntries(file))
    .filter((entry) => lifecycle.test(entry.text))
    .map((entry) => `server: ${entry.text}`);
  return [...hostLines, ...serverLines];
}

/** @param {string} userDataDir */
function serverLogs(userDataDir) {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return [];
  return readdirSync(logs)
    .sort()
    .map((session) => join(logs, session, 'remoteagent.log'))
    .filter((file) => existsSync(file));
}

/**
 * True once the newest extension host has activated its startup ('*') extensions: the point at
 * which contributions are registered and commands can run.
 * @param {string} userDataDir
 * @param {number} [hostCount] how many extension hosts must have started (2 after one reload)
 */
export function extensionHostReady(userDataDir, hostCount = 1) {
  const directories = extensionHostLogDirectories(userDataDir);
  if (directories.length < hostCount) return false;
  const file = join(directories[directories.length - 1], 'remoteexthost.log');
  return readLogEntries(file).some((entry) => entry.text === 'Eager extensions activated');
}

/**
 * What the newest extension host logged about activating `extensionId`, or undefined if it has
 * not been asked to activate it.
 * @param {string} userDataDir
 * @param {string} extensionId publisher.name
 * @returns {ActivationReport | undefined}
 */
export function activationReport(userDataDir, extensionId) {
  const directory = extensionHostLogDirectories(userDataDir).pop();
  if (directory === undefined) return undefined;
  const entries = readLogEntries(join(directory, 'remoteexthost.log'));
  const prefix = `ExtensionService#_doActivateExtension ${extensionId},`;
  const start = entries.find((entry) => entry.text.startsWith(prefix));
  if (start === undefined) return undefined;
  const activationEvent = /activationEvent: '([^']*)'/.exec(start.text)?.[1] ?? '';
  const failure = `Activating extension ${extensionId} failed`;
  const errors = [];
  for (let index = 0; index < entries.length; index++) {
    if (!entries[index].text.startsWith(failure)) continue;
    // The error itself is the entry logged right after the announcement.
    errors.push([entries[index].text, entries[index + 1]?.text ?? ''].join('\n').trim());
  }
  const finished = ownLogEntries(directory, extensionId).find((entry) => activatedLine.test(entry.text));
  return {
    extensionId,
    activationEvent,
    requestedAt: start.time,
    finished: finished !== undefined,
    selfReportedMs: finished ? Number(activatedLine.exec(finished.text)?.[1]) : undefined,
    errors,
  };
}

/**
 * The entries of every log channel `extensionId` wrote in the newest extension host, in time order.
 * @param {string} userDataDir
 * @param {string} extensionId
 * @returns {LogEntry[]}
 */
export function extensionLogEntries(userDataDir, extensionId) {
  const directory = extensionHostLogDirectories(userDataDir).pop();
  return directory === undefined ? [] : ownLogEntries(directory, extensionId);
}

/**
 * The entries of every log channel the extension wrote in this extension host, in time order.
 * @param {string} hostDirectory
 * @param {string} extensionId
 */
function ownLogEntries(hostDirectory, extensionId) {
  const directory = join(hostDirectory, extensionId);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith('.log'))
    .flatMap((name) => readLogEntries(join(directory, name)))
    .sort((a, b) => a.time - b.time);
}

/**
 * The one-line figure the integration launcher prints, e.g. "activation: 84 ms (…)".
 * @param {ActivationReport | undefined} report what the extension host logged
 * @param {number | undefined} awaitedMs how long a caller in the extension host waited for
 *   activate() (module loading included), when one measured it
 */
export function formatActivation(report, awaitedMs) {
  if (report === undefined) return 'activation: never requested in the extension host log';
  const trigger = `on ${report.activationEvent}`;
  if (report.errors.length > 0) {
    return `activation: failed ${trigger}: ${report.errors[0].split('\n')[1] ?? report.errors[0]}`;
  }
  const own = report.selfReportedMs === undefined ? 'not logged' : `${report.selfReportedMs} ms`;
  if (awaitedMs !== undefined) {
    return (
      `activation: ${Math.round(awaitedMs)} ms (awaited from the extension host, module loading ` +
      `included; logged ${trigger}; activate() itself by its own log: ${own})`
    );
  }
  if (report.selfReportedMs === undefined) return `activation: requested ${trigger}, never finished`;
  return `activation: ${report.selfReportedMs} ms (activate() itself by its own log, ${trigger})`;
}
