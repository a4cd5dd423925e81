// Names of the MIDI 1.0 Control Change numbers (MIDI 1.0 Detailed Specification, table 3, and
// the later assignments), used for MIDI 1.0 and MIDI 2.0 Control Change messages alike.

const controllerNames = new Map<number, string>([
  [0, 'Bank Select MSB'],
  [1, 'Modulation Wheel'],
  [2, 'Breath Controller'],
  [4, 'Foot Controller'],
  [5, 'Portamento Time'],
  [6, 'Data Entry MSB'],
  [7, 'Channel Volume'],
  [8, 'Balance'],
  [10, 'Pan'],
  [11, 'Expression'],
  [12, 'Effect Control 1'],
  [13, 'Effect Control 2'],
  [16, 'General Purpose Controller 1'],
  [17, 'General Purpose Controller 2'],
  [18, 'General Purpose Controller 3'],
  [19, 'General Purpose Controller 4'],
  [32, 'Bank Select LSB'],
  [38, 'Data Entry LSB'],
  [64, 'Sustain Pedal'],
  [65, 'Portamento On/Off'],
  [66, 'Sostenuto'],
  [67, 'Soft Pedal'],
  [68, 'Legato Footswitch'],
  [69, 'Hold 2'],
  [70, 'Sound Variation'],
  [71, 'Timbre / Harmonic Intensity'],
  [72, 'Release Time'],
  [73, 'Attack Time'],
  [74, 'Brightness'],
  [75, 'Decay Time'],
  [76, 'Vibrato Rate'],
  [77, 'Vibrato Depth'],
  [78, 'Vibrato Delay'],
  [79, 'Sound Controller 10'],
  [80, 'General Purpose Controller 5'],
  [81, 'General Purpose Controller 6'],
  [82, 'General Purpose Controller 7'],
  [83, 'General Purpose Controller 8'],
  [84, 'Portamento Control'],
  [88, 'High Resolution Velocity Prefix'],
  [91, 'Effects 1 Depth (Reverb)'],
  [92, 'Effects 2 Depth (Tremolo)'],
  [93, 'Effects 3 Depth (Chorus)'],
  [94, 'Effects 4 Depth (Detune)'],
  [95, 'Effects 5 Depth (Phaser)'],
  [96, 'Data Increment'],
  [97, 'Data Decrement'],
  [98, 'NRPN LSB'],
  [99, 'NRPN MSB'],
  [100, 'RPN LSB'],
  [101, 'RPN MSB'],
  [120, 'All Sound Off'],
  [121, 'Reset All Controllers'],
  [122, 'Local Control'],
  [123, 'All Notes Off'],
  [124, 'Omni Mode Off'],
  [125, 'Omni Mode On'],
  [126, 'Mono Mode On'],
  [127, 'Poly Mode On'],
]);

/** The controller's name, "LSB for Control n" for 33–63, or undefined for an undefined number. */
export function controllerName(controller: number): string | undefined {
  const name = controllerNames.get(controller);
  if (name !== undefined) return name;
  if (controller >= 33 && controller <= 63) return `LSB for Control ${controller - 32}`;
  return undefined;
}

/** "7 (Channel Volume)" or "3 (undefined)". */
export function describeController(controller: number): string {
  return `${controller} (${controllerName(controller) ?? 'undefined'})`;
}
