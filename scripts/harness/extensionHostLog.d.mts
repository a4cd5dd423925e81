// Types of extensionHostLog.mjs for the TypeScript end-to-end helpers.
export interface LogEntry {
  time: number;
  level: string;
  text: string;
}

export interface ActivationReport {
  extensionId: string;
  activationEvent: string;
  requestedAt: number;
  finished: boolean;
  selfReportedMs: number | undefined;
  errors: string[];
}

export function extensionHostLogDirectories(userDataDir: string): string[];
export function latestExtensionHostLog(userDataDir: string): string | undefined;
export function readLogEntries(file: string): LogEntry[];
export function extensionHostLogTail(userDataDir: string, count?: number): string;
export function serverLogTail(userDataDir: string, count?: number): string;
export function extensionHostExits(userDataDir: string): string[];
export function extensionHostLifecycle(userDataDir: string): string[];
export function extensionHostReady(userDataDir: string, hostCount?: number): boolean;
export function extensionLogEntries(userDataDir: string, extensionId: string): LogEntry[];
export function activationReport(userDataDir: string, extensionId: string): ActivationReport | undefined;
export function formatActivation(report: ActivationReport | undefined, awaitedMs?: number): string;
