// The monitor's toolbar: pause/resume, follow tail, clear, the filters, the time display, the
// columns menu, copy and export.
// Controls come from toolkit.ts; this file only arranges them and reports what the user did.
import { messageTypeName, numberLabel } from '../../src/ump';
import type {
  ColumnKey,
  EndpointLabel,
  ExportFormat,
  ExportScope,
  FilterSpec,
  MonitorLayout,
  Numbering,
  TimeDisplay,
} from '../../src/views/monitor/protocol';
import { ColumnMenu } from './columnMenu';
import {
  dropdown,
  iconButton,
  labelledButton,
  textField,
  type Choice,
  type Dropdown,
  type IconButton,
} from './toolkit';

export interface ToolbarActions {
  onTogglePause(): void;
  onToggleFollow(): void;
  onClear(): void;
  onFilterChange(filter: FilterSpec): void;
  onCopy(): void;
  onToggleDetails(): void;
  onExport(format: ExportFormat, scope: ExportScope): void;
  onTimeDisplay(display: TimeDisplay): void;
  onColumnHidden(key: ColumnKey, hidden: boolean): void;
  onResetColumns(): void;
}

const any = '';

const messageTypeChoices: Choice[] = [
  { value: any, label: 'All types' },
  ...Array.from({ length: 16 }, (_, type) => ({
    value: String(type),
    label: `${type.toString(16).toUpperCase()}: ${messageTypeName(type)}`,
  })),
];
/** Text search waits for a pause in typing before refiltering a large capture. */
const searchDebounceMs = 250;

function numberedChoices(allLabel: string, label: string, numbering: Numbering): Choice[] {
  return [
    { value: any, label: allLabel },
    ...Array.from({ length: 16 }, (_, i) => ({
      value: String(i),
      label: `${label} ${numberLabel(i, numbering)}`,
    })),
  ];
}

const timeChoices: Choice[] = [
  { value: 'sinceStart', label: 'Since start' },
  { value: 'timeOfDay', label: 'Time of day' },
  { value: 'ticks', label: 'Engine ticks' },
];

function selected(control: Dropdown): number[] {
  return control.value === any ? [] : [Number(control.value)];
}

function group(label: string, ...children: HTMLElement[]): HTMLElement {
  const element = document.createElement('div');
  element.className = 'group';
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', label);
  element.append(...children);
  return element;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly pause: IconButton;
  private readonly follow: IconButton;
  private readonly details: IconButton;
  private readonly endpoint: Dropdown;
  private readonly groupFilter: Dropdown;
  private readonly channel: Dropdown;
  private readonly messageType: Dropdown;
  private readonly search;
  private readonly exportFormat: Dropdown;
  private readonly exportScope: Dropdown;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly problemsOnly: IconButton;
  private problemsOnlyOn = false;
  private readonly time: Dropdown;
  private readonly columnMenu: ColumnMenu;
  private numbering: Numbering = 'oneBased';

  constructor(private readonly actions: ToolbarActions) {
    this.element = document.createElement('div');
    this.element.className = 'toolbar';
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-label', 'Monitor controls');

    this.pause = iconButton('debug-pause', 'Pause display (capture continues)', () =>
      actions.onTogglePause(),
    );
    this.follow = iconButton('fold-down', 'Follow newest messages', () => actions.onToggleFollow());
    const clear = iconButton('clear-all', 'Clear capture', () => actions.onClear());

    const changed = (): void => actions.onFilterChange(this.filter());
    this.endpoint = dropdown('Filter by endpoint', changed);
    this.groupFilter = dropdown('Filter by group', changed);
    this.groupFilter.setChoices(numberedChoices('All groups', 'Group', this.numbering), any);
    this.channel = dropdown('Filter by channel', changed);
    this.channel.setChoices(numberedChoices('All channels', 'Channel', this.numbering), any);
    this.messageType = dropdown('Filter by message type', changed);
    this.messageType.setChoices(messageTypeChoices, any);
    this.problemsOnly = iconButton('warning', 'Show only messages with problems', () => {
      this.problemsOnlyOn = !this.problemsOnlyOn;
      this.problemsOnly.setPressed(this.problemsOnlyOn);
      changed();
    });
    this.problemsOnly.setPressed(false);
    this.search = textField('Search messages', 'Search name, fields, hex', 'search', () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(changed, searchDebounceMs);
    });

    const copy = labelledButton('copy', 'Copy', 'Copy the selected rows as hex (Ctrl+C)', () =>
      actions.onCopy(),
    );
    this.time = dropdown('Time display', (value) => actions.onTimeDisplay(value as TimeDisplay));
    this.time.setChoices(timeChoices, 'sinceStart');
    this.columnMenu = new ColumnMenu(actions);
    this.details = iconButton('layout-sidebar-right', 'Show message details', () =>
      actions.onToggleDetails(),
    );
    this.exportFormat = dropdown('Export format', () => undefined);
    this.exportFormat.setChoices(
      [
        { value: 'hex', label: 'Hex (.ump)' },
        { value: 'json', label: 'JSON' },
        { value: 'csv', label: 'CSV' },
      ],
      'hex',
    );
    this.exportScope = dropdown('Export scope', () => undefined);
    this.exportScope.setChoices(
      [
        { value: 'all', label: 'Whole capture' },
        { value: 'filtered', label: 'Filtered view' },
      ],
      'all',
    );
    const exportButton = labelledButton('save', 'Export…', 'Export the capture to a file', () =>
      actions.onExport(this.exportFormat.value as ExportFormat, this.exportScope.value as ExportScope),
    );

    this.element.append(
      group('Capture', this.pause.element, this.follow.element, clear.element),
      group(
        'Filters',
        this.endpoint.element,
        this.groupFilter.element,
        this.channel.element,
        this.messageType.element,
        this.problemsOnly.element,
        this.search.element,
      ),
      group('View', this.time.element, this.columnMenu.element),
      group('Copy and export', copy, this.exportFormat.element, this.exportScope.element, exportButton),
    );
  }

  setEndpoints(endpoints: readonly EndpointLabel[], filter: FilterSpec): void {
    this.endpoint.setChoices(
      [
        { value: any, label: 'All endpoints' },
        ...endpoints.map((endpoint) => ({ value: String(endpoint.index), label: endpoint.name })),
      ],
      filter.endpoints.length === 1 ? String(filter.endpoints[0]) : any,
    );
  }

  /** Shows a filter the host holds (after a reload of the webview). */
  showFilter(filter: FilterSpec): void {
    const single = (values: number[]): string => (values.length === 1 ? String(values[0]) : any);
    this.groupFilter.setChoices(
      numberedChoices('All groups', 'Group', this.numbering),
      single(filter.groups),
    );
    this.channel.setChoices(
      numberedChoices('All channels', 'Channel', this.numbering),
      single(filter.channels),
    );
    this.messageType.setChoices(messageTypeChoices, single(filter.messageTypes));
    this.search.value = filter.text;
    this.problemsOnlyOn = filter.problemsOnly === true;
    this.problemsOnly.setPressed(this.problemsOnlyOn);
  }

  /** Numbers the group and channel choices under `numbering`, keeping what is chosen. */
  showNumbering(numbering: Numbering): void {
    this.numbering = numbering;
    this.groupFilter.setChoices(numberedChoices('All groups', 'Group', numbering), this.groupFilter.value);
    this.channel.setChoices(numberedChoices('All channels', 'Channel', numbering), this.channel.value);
  }

  showLayout(layout: MonitorLayout): void {
    this.time.setChoices(timeChoices, layout.time);
    this.columnMenu.show(layout);
  }

  showState(paused: boolean, following: boolean, showDetails: boolean): void {
    this.details.setPressed(showDetails);
    this.pause.setIcon(paused ? 'debug-continue' : 'debug-pause');
    this.pause.setLabel(paused ? 'Resume display' : 'Pause display (capture continues)');
    this.pause.setPressed(paused);
    this.follow.setPressed(following);
  }

  filter(): FilterSpec {
    return {
      endpoints: selected(this.endpoint),
      groups: selected(this.groupFilter),
      channels: selected(this.channel),
      messageTypes: selected(this.messageType),
      text: this.search.value,
      problemsOnly: this.problemsOnlyOn,
    };
  }
}
