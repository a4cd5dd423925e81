// MIDI-CI (M2-101-UM v1.2) over SysEx7: builders, a parser that never throws, Property Exchange
// reassembly and descriptions for monitors. Pure TypeScript over src/ump.
export * from './midiCiTypes';
export * from './midiCiBytes';
export * from './buildMidiCi';
export * from './parseMidiCi';
export * from './propertyExchangeAssembler';
export * from './describeMidiCi';
export * from './midiCiSysEx';
export * from './midiCiInitiator';
export * from './midiCiLink';
