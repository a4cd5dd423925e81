// Where the network transport writes what it did, tolerated or refused (the extension routes it to
// its LogOutputChannel; tests collect it).
export interface NetworkLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLog: NetworkLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
