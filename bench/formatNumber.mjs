// @ts-check
// How benchmark figures are written, in bench/run.mjs's tables and in the README's.

/** Thousands grouped from 1,000 up, fewer decimals as numbers grow; '–' for no figure. */
export function formatNumber(/** @type {number | null | undefined} */ value) {
  if (value === null || value === undefined) return '–';
  const magnitude = Math.abs(value);
  if (magnitude >= 1_000) return Math.round(value).toLocaleString('en');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** "27.6 µs (12.0–40.1)": a median with the lowest and highest repetition, when they differ. */
export function formatFigure(
  /** @type {number | null | undefined} */ value,
  /** @type {string} */ unit,
  /** @type {[number, number] | undefined} */ range,
) {
  if (value === null || value === undefined) return '–';
  const text = `${formatNumber(value)} ${unit}`;
  if (!range || range[0] === range[1]) return text;
  return `${text} (${formatNumber(range[0])}–${formatNumber(range[1])})`;
}

/** The peer's name and whether it is this project's code or from outside. */
export function formatPeer(/** @type {string} */ peer, /** @type {string | undefined} */ origin) {
  if (origin === 'ours') return `${peer} — ours`;
  if (origin === 'outside') return `${peer} — from outside`;
  return peer;
}
