// Column widths and visibility: defaults that fit every word of a 128-bit message and the whole
// endpoint name, resizing within bounds, hiding (never the last column), saved layouts read
// without trusting them, and where the details pane goes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultLayout,
  detailsPlacement,
  gridTemplate,
  maxColumnWidthPx,
  minColumnWidthPx,
  neededWidthPx,
  normalizeLayout,
  resizeColumn,
  setColumnHidden,
} from '../../../webview/monitor/columnLayout';
import { columns, hexWidthCh } from '../../../webview/monitor/columns';
import { hexWords } from '../../../webview/monitor/rowPresentation';
import { formatDelta, formatTime } from '../../../webview/monitor/timeFormat';
import { columnKeys } from '../../../src/views/monitor/protocol';

const names = ['Diagnostics Loopback B'];

void describe('monitor column layout', () => {
  void it('sizes Hex for four words and Endpoint for the longest name, in characters', () => {
    const longest = hexWords(Uint32Array.of(0x40903c00, 0xc9240000, 0x12345678, 0x9abcdef0), 4);
    assert.equal(longest, '40903C00 C9240000 12345678 9ABCDEF0');
    assert.ok(longest.length <= hexWidthCh);
    const tracks = gridTemplate(defaultLayout(), names).split(/ (?![^(]*\))/);
    assert.equal(tracks.length, columns.length);
    assert.equal(tracks[columnKeys.indexOf('hex')], `calc(${hexWidthCh}ch + 6px)`);
    assert.equal(tracks[columnKeys.indexOf('endpoint')], `calc(${names[0].length}ch + 6px)`);
    // In pixels once a character of the grid's font is measured, so the header lines up with the rows.
    const inPixels = gridTemplate(defaultLayout(), names, 8).split(/ (?![^(]*\))/);
    assert.equal(inPixels[columnKeys.indexOf('hex')], `${hexWidthCh * 8 + 6}px`);
    assert.equal(inPixels[columnKeys.indexOf('fields')], 'minmax(86px, 2fr)');
    // Δ fits its widest value below 1000 s.
    const delta = tracks[columnKeys.indexOf('delta')];
    assert.ok(formatDelta(9_999_999_999, 10_000_000).length <= Number(/calc\((\d+)ch/.exec(delta)?.[1]));
    assert.ok(formatDelta(9_999_990, 10_000_000).length <= Number(/calc\((\d+)ch/.exec(delta)?.[1]));
  });

  void it('sizes Time for the display chosen', () => {
    const base = {
      ticksPerSecond: 10_000_000,
      captureStartTicks: 0,
      epochMsAtTickZero: Date.UTC(2026, 0, 1),
    };
    for (const time of ['sinceStart', 'timeOfDay', 'ticks'] as const) {
      const layout = { ...defaultLayout(), time };
      const track = gridTemplate(layout, names).split(/ (?![^(]*\))/)[columnKeys.indexOf('time')];
      const widthCh = Number(/calc\((\d+)ch/.exec(track)?.[1]);
      // An hour into a capture; a 10 MHz clock that ran for a month.
      const text = formatTime(time === 'ticks' ? 26_000_000_000_000 : 36_000_000_000, time, base);
      assert.ok(text.length <= widthCh, `${time}: "${text}" in ${widthCh} characters`);
    }
  });

  void it('resizes within bounds, back to the default with 0', () => {
    let layout = resizeColumn(defaultLayout(), 'fields', 5);
    assert.equal(layout.columns.find((c) => c.key === 'fields')?.widthPx, minColumnWidthPx);
    layout = resizeColumn(layout, 'hex', 1e9);
    assert.equal(layout.columns.find((c) => c.key === 'hex')?.widthPx, maxColumnWidthPx);
    assert.match(gridTemplate(layout, names), new RegExp(` ${maxColumnWidthPx}px `));
    layout = resizeColumn(layout, 'hex', 0);
    assert.equal(layout.columns.find((c) => c.key === 'hex')?.widthPx, 0);
  });

  void it('hides and shows columns, but never the last visible one', () => {
    let layout = setColumnHidden(defaultLayout(), 'type', true);
    assert.equal(gridTemplate(layout, names).split(/ (?![^(]*\))/).length, columns.length - 1);
    for (const key of columnKeys) layout = setColumnHidden(layout, key, true);
    assert.deepEqual(
      layout.columns.filter((c) => !c.hidden).map((c) => c.key),
      ['fields'],
    );
    layout = setColumnHidden(layout, 'hex', false);
    assert.equal(layout.columns.find((c) => c.key === 'hex')?.hidden, false);
  });

  void it('reads a saved layout without trusting it', () => {
    assert.deepEqual(normalizeLayout(undefined), defaultLayout());
    assert.deepEqual(normalizeLayout('wide'), defaultLayout());
    const read = normalizeLayout({
      time: 'ticks',
      columns: [
        { key: 'hex', widthPx: 300, hidden: false },
        { key: 'nonsense', widthPx: 10, hidden: true },
        { key: 'type', widthPx: 'wide', hidden: true },
        { key: 'fields', widthPx: -5, hidden: 'yes' },
        null,
      ],
    });
    assert.equal(read.time, 'ticks');
    assert.equal(read.columns.length, columns.length);
    assert.equal(read.columns.find((c) => c.key === 'hex')?.widthPx, 300);
    assert.equal(read.columns.find((c) => c.key === 'type')?.hidden, true);
    assert.equal(read.columns.find((c) => c.key === 'fields')?.widthPx, 0);
    assert.equal(normalizeLayout({ time: 'yesterday' }).time, 'sinceStart');
    const allHidden = normalizeLayout({ columns: columnKeys.map((key) => ({ key, hidden: true })) });
    assert.ok(
      allHidden.columns.every((c) => !c.hidden),
      'a layout with nothing visible shows everything',
    );
  });

  void it('puts the details below the rows when both do not fit side by side', () => {
    const needs = neededWidthPx(defaultLayout(), names, 8);
    assert.ok(needs > 800 && needs < 1100, `needs ${needs} px at 8 px per character`);
    assert.equal(detailsPlacement(needs + 300, needs, 300), 'beside');
    assert.equal(detailsPlacement(needs + 299, needs, 300), 'below');
    const narrower = setColumnHidden(setColumnHidden(defaultLayout(), 'hex', true), 'fields', true);
    assert.ok(neededWidthPx(narrower, names, 8) < needs - 8 * hexWidthCh);
  });
});
