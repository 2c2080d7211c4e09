// @ts-check
/**
 * One line of literal text in Markdown, escaped exactly as generator/fill.py inline() does,
 * and the whitespace rules of Python's str.split() / str.splitlines() it relies on.
 * Shared by the template forms and the schedule checklist, as the command line shares
 * inline() between `cs-playbook fill` and `cs-playbook schedule`.
 */

// Python's str.split() and str.splitlines() character sets (JS \s differs slightly).
/* eslint-disable no-control-regex -- Python counts these separators as spaces and breaks */
export const SPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
export const LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;
/* eslint-enable no-control-regex */
const LEADING_MARK = /^([-+=~]|\d+(?=[.)]))/;

/**
 * Words separated by single spaces, as Python's " ".join(text.split()).
 * @param {string} text
 */
export function squeeze(text) {
  return String(text).split(SPACE).filter(Boolean).join(" ");
}

/**
 * The text as one line of Markdown that shows exactly these characters.
 * @param {string} text
 */
export function inline(text) {
  const line = squeeze(text).replace(/([\\`*_[\]|<>#])/g, "\\$1");
  const match = LEADING_MARK.exec(line);
  if (!match) return line;
  if (/^\d/.test(match[1])) return line.slice(0, match[0].length) + "\\" + line.slice(match[0].length);
  return "\\" + line;
}
