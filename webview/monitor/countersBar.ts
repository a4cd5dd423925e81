// The counters line under the toolbar: rate, totals, losses (engine drops and ring evictions
// kept apart), messages with conformance problems and the capture's memory. Each counter also carries its value in a data
// attribute so tests and benchmarks read numbers, not formatted text.
import type { MonitorCounters, ViewRange } from '../../src/views/monitor/protocol';
import { formatCaptureMemory, formatCount } from './timeFormat';

type CounterName = 'rate' | 'received' | 'dropped' | 'problems' | 'evicted' | 'memory' | 'rows';

export class CountersBar {
  readonly element: HTMLElement;
  private readonly items = new Map<CounterName, HTMLElement>();

  constructor() {
    this.element = document.createElement('div');
    this.element.className = 'counters';
    this.element.setAttribute('aria-label', 'Capture counters');
    for (const name of ['rate', 'received', 'dropped', 'problems', 'evicted', 'memory', 'rows'] as const) {
      const item = document.createElement('span');
      item.dataset.counter = name;
      this.items.set(name, item);
      this.element.append(item);
    }
  }

  show(counters: MonitorCounters, view: ViewRange, displayedRows: number, paused: boolean): void {
    this.set('rate', counters.messagesPerSecond, `${formatCount(counters.messagesPerSecond)} msg/s`);
    this.set('received', counters.received, `${formatCount(counters.received)} received`);
    this.set('dropped', counters.engineDropped, `${formatCount(counters.engineDropped)} dropped by engine`);
    this.set('problems', counters.problems, `${formatCount(counters.problems)} with problems`);
    this.set('evicted', counters.evicted, `${formatCount(counters.evicted)} evicted from capture`);
    this.set(
      'memory',
      counters.captureUsedBytes,
      `capture ${formatCaptureMemory(counters.captured, counters.captureUsedBytes, counters.captureBytes)}`,
    );
    const memory = this.items.get('memory')!;
    memory.dataset.limit = String(counters.captureBytes);
    memory.title = `The capture holds ${formatCount(counters.captured)} of at most ${formatCount(counters.capacity)} messages (midiScope.monitor.captureMessages); its memory is allocated when the monitor opens.`;
    const scanning = view.filterProgress
      ? ` (filtering ${Math.floor((100 * view.filterProgress.scanned) / Math.max(1, view.filterProgress.total))}%)`
      : '';
    this.set(
      'rows',
      displayedRows,
      `${formatCount(displayedRows)} rows${scanning}${paused ? ' · paused' : ''}`,
    );
    this.items.get('dropped')!.classList.toggle('warning', counters.engineDropped > 0);
    this.items.get('problems')!.classList.toggle('warning', counters.problems > 0);
  }

  private set(name: CounterName, value: number, text: string): void {
    const item = this.items.get(name)!;
    item.dataset.value = String(value);
    if (item.textContent !== text) item.textContent = text;
  }
}
