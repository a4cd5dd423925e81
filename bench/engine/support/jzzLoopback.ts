// The jzz peer: jzz (MIDI 2.0 capable, pure JS apart from its OS back ends) routes messages in one
// process through virtual ports. A JZZ.Widget registered as both a virtual MIDI-Out and MIDI-In
// named "MIDI Scope bench loop" is the loop: a UMP sent to the opened MIDI-Out port (switched to
// MIDI 2.0 with .MIDI2()) passes the widget and the opened MIDI-In port to the handler. jzz
// delivers synchronously inside send(), building a JZZ.UMP object at each hop, with no threads,
// no batching and no timestamps. Its OS back ends are left out (engine 'none'): virtual ports
// need none, and there is no sound hardware here anyway.
import jzz from 'jzz';

/** The slice of jzz's API this peer uses (its typings do not declare virtual ports or MIDI 2.0). */
interface JzzPort {
  MIDI2(): JzzPort;
  send(bytes: number[]): unknown;
  connect(handler: (message: ArrayLike<number>) => void): unknown;
  close(): unknown;
}
interface JzzEngine {
  openMidiOut(name: string): PromiseLike<JzzPort>;
  openMidiIn(name: string): PromiseLike<JzzPort>;
  close(): unknown;
}
interface JzzModule {
  (options: { engine: string }): PromiseLike<JzzEngine>;
  Widget(): unknown;
  addMidiOut(name: string, widget: unknown): unknown;
  addMidiIn(name: string, widget: unknown): unknown;
}

const loopName = 'MIDI Scope bench loop';

export interface JzzLoopback {
  /** Sends one UMP given as bytes (MSB of each word first), as JZZ.UMP takes them. */
  send(bytes: number[]): void;
  close(): void;
}

export async function openJzzLoopback(onMessage: (message: ArrayLike<number>) => void): Promise<JzzLoopback> {
  const JZZ = jzz as unknown as JzzModule;
  const loop = JZZ.Widget();
  JZZ.addMidiOut(loopName, loop);
  JZZ.addMidiIn(loopName, loop);
  const engine = await JZZ({ engine: 'none' });
  const output = (await engine.openMidiOut(loopName)).MIDI2();
  const input = await engine.openMidiIn(loopName);
  input.connect(onMessage);
  return {
    send: (bytes) => void output.send(bytes),
    close: () => {
      input.close();
      output.close();
      engine.close();
    },
  };
}
