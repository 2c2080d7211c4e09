// @ts-check
/**
 * Numbers as the Python prints and reads them (generator/kpi.py, fill.py, answers.py), so the
 * page and the command line show the same digits.
 */

/** Beyond this a float no longer holds every integer: Python and JS would print different digits (kpi.LIMIT). */
export const EXACT_LIMIT = 2 ** 53;
/** Typed numbers at or beyond this are refused (answers.MAX_NUMBER, formula.MAX_NUMBER). */
export const MAX_NUMBER = 1e15;

/**
 * Digits with a comma between each group of three, as Python's "{:,}".
 * @param {string} digits
 */
export function group(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Round half away from zero with the same float steps as kpi.fixed() in Python.
 * @param {number} value
 * @param {number} digits
 */
export function fixed(value, digits) {
  const power = 10 ** digits;
  const scaled = Math.floor(Math.abs(value) * power + 0.5);
  const whole = Math.floor(scaled / power);
  let text = group(String(whole));
  if (digits) text += "." + String(scaled - whole * power).padStart(digits, "0");
  return (value < 0 && scaled ? "-" : "") + text;
}

/**
 * The value as shown with `digits` decimals, as a number (kpi.position()'s rounding).
 * @param {number} value
 * @param {number} digits
 */
export function rounded(value, digits) {
  const scale = 10 ** digits;
  return (value < 0 ? -1 : 1) * Math.floor(Math.abs(value) * scale + 0.5) / scale;
}

/**
 * Finite and small enough to print exactly with `digits` decimals (kpi.showable()).
 * @param {number} value
 * @param {number} digits
 */
export function showable(value, digits) {
  return Number.isFinite(value) && Math.abs(value) * 10 ** digits + 0.5 < EXACT_LIMIT;
}

/**
 * A typed answer the command line would accept too (answers.py: finite, below 10^15).
 * @param {number} value
 */
export function acceptable(value) {
  return Number.isFinite(value) && Math.abs(value) < MAX_NUMBER;
}

/**
 * Same digits as generator/fill.py number(): shortest round-trip digits, no exponent,
 * thousands grouped.
 * @param {number} value
 */
export function number(value) {
  let text = String(Math.abs(value));
  const exp = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (exp) {
    const digits = exp[1] + (exp[2] || "");
    const power = parseInt(exp[3], 10);
    text = power < 0 ? "0." + "0".repeat(-power - 1) + digits
      : digits + "0".repeat(power - digits.length + 1);
  }
  const parts = text.split(".");
  return (value < 0 ? "-" : "") + group(parts[0]) + (parts[1] ? "." + parts[1] : "");
}

// Typed numbers: "1,000,000", full-width digits and spaces are accepted.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** @param {string} raw */
function compacted(raw) {
  return raw.normalize("NFKC").replace(/[\s,_]/g, "");
}

/**
 * The number typed in a field, or NaN.
 * @param {string} raw
 */
export function readNumber(raw) {
  const text = compacted(raw);
  return NUMBER.test(text) ? Number(text) : NaN;
}

/**
 * The number as typed, with thousands separators in its whole part (shown after typing).
 * @param {string} raw
 */
export function withSeparators(raw) {
  const text = compacted(raw);
  if (!/^\d+(\.\d*)?$/.test(text)) return raw;
  const parts = text.split(".");
  return group(parts[0].replace(/^0+(?=\d)/, "")) + (parts.length > 1 ? "." + parts[1] : "");
}
