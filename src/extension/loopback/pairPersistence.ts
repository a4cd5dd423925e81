// How the extension keeps a loopback pair: 'transient' pairs live until the extension host stops;
// 'persistent' ones are written to the midiScope.loopbackPairs user setting and created again at
// every start. The notion belongs here, with the setting; the tree only shows it.
export type PairPersistence = 'transient' | 'persistent';
