// Whether MIDI Scope opens its walkthrough when it activates, from facts the caller gathers.
// VS Code may open an extension's walkthrough itself on install (the setting
// workbench.welcomePage.walkthroughs.openOnInstall, only for an install into a running window and
// only where its walkthroughs service runs: code-server 4.139 did not, see the install e2e spec);
// it never does for an extension that was there before the window started. MIDI Scope opens it on
// its first activation, after that setting. Should both happen, VS Code's command shows it in the
// Welcome editor that is open already: one tab (test/e2e/walkthroughInstall.e2e.ts).

export interface FirstRunFacts {
  /** midiScope.openWalkthroughOnFirstRun */
  wanted: boolean;
  /** workbench.welcomePage.walkthroughs.openOnInstall: the user's word on walkthroughs that open by themselves. */
  openOnInstall: boolean;
  /** The global-state flag: decided once already on this machine. */
  decidedBefore: boolean;
}

export interface FirstRunDecision {
  open: boolean;
  /** Whether to set the flag, so that no later activation decides again. */
  remember: boolean;
  /** For the log. */
  reason: string;
}

export function firstRunDecision(facts: FirstRunFacts): FirstRunDecision {
  if (facts.decidedBefore) return { open: false, remember: false, reason: 'decided on an earlier run' };
  if (!facts.wanted)
    return { open: false, remember: false, reason: 'midiScope.openWalkthroughOnFirstRun is off' };
  if (!facts.openOnInstall)
    return {
      open: false,
      remember: false,
      reason: 'workbench.welcomePage.walkthroughs.openOnInstall is off',
    };
  return { open: true, remember: true, reason: 'first run' };
}
