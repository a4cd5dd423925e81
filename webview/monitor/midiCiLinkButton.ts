// In the detail pane of a MIDI-CI request or reply: a button that goes to the row that answers it
// (or that it answers), found by the host by kinds, MUIDs and request id. When there is none in the
// view, the button says why beside it.
import { midiCiLinkLabel, midiCiRole } from '../../src/midici';
import { midiCiMessageOf } from './midiCiRow';

/**
 * The button for the message in `packets`, or undefined when it is neither a request nor a reply.
 * `follow` goes to the other row and resolves with the reason when there is none.
 */
export function midiCiLinkButton(
  packets: readonly { words: ArrayLike<number> }[],
  follow: () => Promise<string | undefined>,
): HTMLElement | undefined {
  const message = midiCiMessageOf(packets);
  const role = message && midiCiRole(message);
  if (message === undefined || role === undefined) return undefined;
  const container = document.createElement('p');
  container.className = 'midi-ci-link';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = midiCiLinkLabel(message, role);
  const outcome = document.createElement('span');
  outcome.setAttribute('role', 'status');
  button.addEventListener('click', () => {
    outcome.textContent = '';
    void follow().then((reason) => {
      if (reason !== undefined) outcome.textContent = ` ${reason}`;
    });
  });
  container.append(button, outcome);
  return container;
}
