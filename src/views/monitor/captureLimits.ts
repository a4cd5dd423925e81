// How much a monitor may keep: the bounds of midiScope.monitor.captureMessages (package.json's
// contributes.configuration declares the same) and what a message costs. No VS Code here, so the
// unit tests can hold package.json to these numbers.

/** Bytes the capture keeps per message (the ring's words, timestamps and endpoint index). */
export const captureBytesPerMessage = 42;

/**
 * Messages a monitor keeps. Application-scoped in package.json: it sizes memory in the extension
 * host that every window shares, so a workspace cannot raise it behind the person's back.
 */
export const captureMessagesSetting = {
  name: 'captureMessages',
  default: 1_000_000,
  min: 1_000,
  max: 4_000_000,
};
