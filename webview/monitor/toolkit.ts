// The one place that knows the UI toolkit. @vscode/webview-ui-toolkit is archived upstream; the
// rest of the webview asks this module for controls by what they do, so swapping the toolkit
// (for native elements, or another web-component set) touches this file only.
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';

export function registerToolkit(): void {
  provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeDropdown(), vsCodeOption(), vsCodeTextField());
}

function codicon(name: string): HTMLElement {
  const icon = document.createElement('span');
  icon.className = `codicon codicon-${name}`;
  icon.setAttribute('aria-hidden', 'true');
  return icon;
}

export interface IconButton {
  element: HTMLElement;
  setIcon(name: string): void;
  setLabel(label: string): void;
  setPressed(pressed: boolean): void;
}

/** A toolbar button showing a codicon; `label` is its tooltip and accessible name. */
export function iconButton(icon: string, label: string, onClick: () => void): IconButton {
  const button = document.createElement('vscode-button');
  button.setAttribute('appearance', 'icon');
  let iconElement = codicon(icon);
  button.append(iconElement);
  button.addEventListener('click', onClick);
  const setLabel = (text: string): void => {
    button.setAttribute('aria-label', text);
    button.title = text;
  };
  setLabel(label);
  return {
    element: button,
    setIcon(name) {
      const next = codicon(name);
      iconElement.replaceWith(next);
      iconElement = next;
    },
    setLabel,
    setPressed(pressed) {
      button.setAttribute('aria-pressed', String(pressed));
      button.classList.toggle('pressed', pressed);
    },
  };
}

export interface Choice {
  value: string;
  label: string;
}

export interface Dropdown {
  element: HTMLElement;
  readonly value: string;
  setChoices(choices: readonly Choice[], selected: string): void;
}

/**
 * A single-choice dropdown; `label` names it for screen readers. `onChange` runs only when the
 * user picks another value: the toolkit also fires "change" when choices are set from code.
 */
export function dropdown(label: string, onChange: (value: string) => void): Dropdown {
  const element = document.createElement('vscode-dropdown') as HTMLElement & { value: string };
  element.setAttribute('aria-label', label);
  element.title = label;
  let lastValue = '';
  element.addEventListener('change', () => {
    if (element.value === lastValue) return;
    lastValue = element.value;
    onChange(lastValue);
  });
  return {
    element,
    get value() {
      return element.value;
    },
    setChoices(choices, selected) {
      element.replaceChildren(
        ...choices.map((choice) => {
          const option = document.createElement('vscode-option');
          option.setAttribute('value', choice.value);
          if (choice.value === selected) option.setAttribute('selected', '');
          option.textContent = choice.label;
          return option;
        }),
      );
      element.value = selected;
      lastValue = selected;
    },
  };
}

export interface TextField {
  element: HTMLElement;
  value: string;
}

/**
 * A one-line text input with a codicon at its start. The toolkit names the field for screen
 * readers after its text content (its label slot), so the label goes there; monitor.css hides
 * it visually.
 */
export function textField(
  label: string,
  placeholder: string,
  icon: string,
  onInput: (value: string) => void,
): TextField {
  const element = document.createElement('vscode-text-field') as HTMLElement & { value: string };
  element.setAttribute('placeholder', placeholder);
  const start = codicon(icon);
  start.setAttribute('slot', 'start');
  element.append(label, start);
  element.addEventListener('input', () => onInput(element.value));
  return {
    element,
    get value() {
      return element.value;
    },
    set value(text: string) {
      element.value = text;
    },
  };
}

/** A toolbar button with a codicon and a visible label; `tooltip` says more on hover. */
export function labelledButton(
  icon: string,
  label: string,
  tooltip: string,
  onClick: () => void,
): HTMLElement {
  const button = document.createElement('vscode-button');
  button.setAttribute('appearance', 'secondary');
  button.setAttribute('aria-label', tooltip);
  button.title = tooltip;
  const start = codicon(icon);
  start.setAttribute('slot', 'start');
  button.append(start, label);
  button.addEventListener('click', onClick);
  return button;
}
