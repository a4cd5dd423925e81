// Names for MIDI 2.0 Registered Controllers (RPN, addressed by bank and index) and Registered
// Per-Note Controllers (M2-104-UM v1.1, "Registered Controllers" and "Registered Per-Note
// Controllers"; the 3D sound controllers of RP-049 live in bank 0x3D).

const registeredControllerNames = new Map<number, string>([
  [0x0000, 'Pitch Bend Sensitivity'],
  [0x0001, 'Channel Fine Tuning'],
  [0x0002, 'Channel Coarse Tuning'],
  [0x0003, 'Tuning Program Change'],
  [0x0004, 'Tuning Bank Select'],
  [0x0005, 'Modulation Depth Range'],
  [0x0006, 'MPE Configuration'],
  [0x3d00, 'Azimuth Angle'],
  [0x3d01, 'Elevation Angle'],
  [0x3d02, 'Gain'],
  [0x3d03, 'Distance Ratio'],
  [0x3d04, 'Maximum Distance'],
  [0x3d05, 'Gain at Maximum Distance'],
  [0x3d06, 'Reference Distance Ratio'],
  [0x3d07, 'Pan Spread Angle'],
  [0x3d08, 'Roll Angle'],
  [0x7f7f, 'RPN Null'],
]);

export function registeredControllerName(bank: number, index: number): string | undefined {
  return registeredControllerNames.get((bank << 8) | index);
}

const perNoteControllerNames = new Map<number, string>([
  [1, 'Modulation'],
  [2, 'Breath'],
  [3, 'Pitch 7.25'],
  [7, 'Volume'],
  [8, 'Balance'],
  [10, 'Pan'],
  [11, 'Expression'],
  [70, 'Sound Controller 1 (Sound Variation)'],
  [71, 'Sound Controller 2 (Timbre)'],
  [72, 'Sound Controller 3 (Release Time)'],
  [73, 'Sound Controller 4 (Attack Time)'],
  [74, 'Sound Controller 5 (Brightness)'],
  [75, 'Sound Controller 6 (Decay Time)'],
  [76, 'Sound Controller 7 (Vibrato Rate)'],
  [77, 'Sound Controller 8 (Vibrato Depth)'],
  [78, 'Sound Controller 9 (Vibrato Delay)'],
  [79, 'Sound Controller 10'],
  [91, 'Effects 1 Depth (Reverb)'],
  [92, 'Effects 2 Depth (Tremolo)'],
  [93, 'Effects 3 Depth (Chorus)'],
  [94, 'Effects 4 Depth (Detune)'],
  [95, 'Effects 5 Depth (Phaser)'],
]);

export function registeredPerNoteControllerName(index: number): string | undefined {
  return perNoteControllerNames.get(index);
}

/** Note-on attribute types (M2-104-UM v1.1, "Note On/Off Attribute Types"). */
export function attributeTypeName(attributeType: number): string {
  switch (attributeType) {
    case 0x00:
      return 'No Attribute Data';
    case 0x01:
      return 'Manufacturer Specific';
    case 0x02:
      return 'Profile Specific';
    case 0x03:
      return 'Pitch 7.9';
    default:
      return 'Reserved';
  }
}
