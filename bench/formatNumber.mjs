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
