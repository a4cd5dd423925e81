// Types of workbenchSession.mjs for the TypeScript end-to-end helpers (test/e2e/workbench.ts).
import type { Browser, Page } from 'playwright-core';

export interface WorkbenchSessionOptions {
  projectRoot: string;
  vsixPaths: string[];
  workspaceDir: string;
  label: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  logsDestination?: string;
}

export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  startupMs: number;
  workbenchUrl(folder: string): string;
  isRunning(): boolean;
  outputTail(): string[];
  stop(): Promise<void>;
}

export interface WorkbenchSession {
  codeServer: CodeServer;
  browser: Browser;
  page: Page;
  url: string;
  scratchDir: string;
  userDataDir: string;
  extensionsDir: string;
  workspaceDir: string;
  figures: { installMs: number; codeServerStartMs: number; workbenchReadyMs: number };
  waitForWorkbench(): Promise<number>;
  diagnostics(): string;
  close(): Promise<void>;
}

export function startWorkbenchSession(options: WorkbenchSessionOptions): Promise<WorkbenchSession>;
