// @ts-check
/**
 * Playbook schedules without the page: the same dates, checklist and .ics bytes as
 * generator/schedule.py. Days are milliseconds since 1970 at 00:00 UTC.
 */
import { inline, squeeze } from "./markdown-text.js";

/**
 * @typedef {Record<string, string>} Texts  one text per language
 * @typedef {{id: string, offset: number, title: Texts, description: Texts, owner: Texts,
 *   channel: Texts}} Step
 * @typedef {{id: string, title: Texts, steps: Step[], holidays?: string,
 *   holidayYears?: number[]}} Playbook
 * @typedef {{customer: string, weekdaysOnly: boolean, pattern: string, anchorLabel: string}} Options
 */

export const DAY = 86400000;

/** YYYY-MM-DD. @param {number} time */
export function iso(time) { return new Date(time).toISOString().slice(0, 10); }
/** YYYYMMDD. @param {number} time */
export function compact(time) { return iso(time).replace(/-/g, ""); }

// RFC 5545 TEXT, as schedule._escape(): control characters other than tab and line feed
// dropped (a lone CR too), then backslash, ";", "," and line feeds escaped.
// eslint-disable-next-line no-control-regex -- these are the characters to drop
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
/** @param {string} text */
export function escapeText(text) {
  return text.replace(/\r\n/g, "\n").replace(CONTROL, "")
    .replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
}

const encoder = new TextEncoder();
/**
 * Fold at 75 octets without splitting a UTF-8 character (schedule._fold(), RFC 5545 §3.1).
 * @param {string} line
 */
export function fold(line) {
  const parts = [];
  let current = "", size = 0;
  for (const char of line) {
    const width = encoder.encode(char).length;
    if (size + width > 75) { parts.push(current); current = " "; size = 1; }
    current += char; size += width;
  }
  parts.push(current);
  return parts.join("\r\n");
}

/** @param {number} time */
function inCalendar(time) {
  const year = new Date(time).getUTCFullYear();
  return year >= 1 && year <= 9999;
}
/** schedule.weekday_of(): a Saturday or Sunday moves to the next Monday. @param {number} time */
function weekday(time) {
  const day = new Date(time).getUTCDay();
  return day === 6 ? time + 2 * DAY : day === 0 ? time + DAY : time;
}
// schedule.dated_steps() with a calendar: past weekends and the site's public holidays
// (data.holidays, "YYYYMMDD YYYYMMDD ..." for the years data.holidayYears).
/** @type {WeakMap<Playbook, Set<string>>} */
const closedDays = new WeakMap();
/** @param {Playbook} data */
function closedOf(data) {
  let closed = closedDays.get(data);
  if (!closed) {
    closed = new Set((data.holidays || "").split(" "));
    closedDays.set(data, closed);
  }
  return closed;
}
/** @param {number} time @param {Set<string>} closed */
function businessDay(time, closed) {
  while (new Date(time).getUTCDay() % 6 === 0 || closed.has(compact(time))) time += DAY;
  return time;
}
/** @param {number} time @param {Playbook} data */
function inHolidayYears(time, data) {
  const year = new Date(time).getUTCFullYear();
  const years = data.holidayYears || [];
  return year >= years[0] && year <= years[1];
}
/**
 * The day of a step from the anchor day.
 * @param {number} anchor
 * @param {{offset: number}} step
 * @param {boolean} weekdaysOnly
 * @param {Playbook} data
 */
export function dayOf(anchor, step, weekdaysOnly, data) {
  const day = anchor + step.offset * DAY;
  if (!weekdaysOnly) return day;
  return data && data.holidays ? businessDay(day, closedOf(data)) : weekday(day);
}

/**
 * schedule.for_customer(): "ACME: 30日レビュー" (the pattern comes from the labels).
 * @param {string} title
 * @param {string} customer
 * @param {string} pattern
 */
export function forCustomer(title, customer, pattern) {
  const name = squeeze(customer);
  if (!name) return title;
  return pattern.replace(/\{(customer|title)\}/g, (_, key) => (key === "customer" ? name : title));
}

/**
 * A real YYYY-MM-DD date whose steps (and the day after each) fall in the years 1-9999,
 * as schedule.parse_anchor() and dated_steps() require; null otherwise.
 * @param {string} text
 * @param {Playbook} data
 * @param {boolean} weekdaysOnly
 */
export function parseAnchor(text, data, weekdaysOnly) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const parts = text.split("-").map(Number);
  const date = new Date(0);
  date.setUTCFullYear(parts[0], parts[1] - 1, parts[2]);  // Date.UTC maps years 0-99 to 19xx
  const anchor = date.getTime();
  if (!inCalendar(anchor) || iso(anchor) !== text) return null;
  const fits = data.steps.every((s) => {
    const day = dayOf(anchor, s, weekdaysOnly, data);
    if (weekdaysOnly && data.holidays &&
        !(inHolidayYears(anchor + s.offset * DAY, data) && inHolidayYears(day, data))) return false;
    return inCalendar(day) && inCalendar(day + DAY);
  });
  return fits ? anchor : null;
}

/**
 * The .ics file of the playbook from the anchor day (schedule.ics()).
 * @param {Playbook} data
 * @param {number} anchor
 * @param {string} lang
 * @param {Options} options
 */
export function ics(data, anchor, lang, options) {
  const stamp = compact(anchor) + "T000000Z";
  const uidPrefix = options.customer ? escapeText(options.customer) + "-" : "";
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CS Playbook//Schedules//EN",
    "CALSCALE:GREGORIAN"];
  for (const s of data.steps) {
    const day = dayOf(anchor, s, options.weekdaysOnly, data);
    const description = s.description[lang].trim() + "\n\n" + s.owner[lang] + " / " + s.channel[lang];
    const title = forCustomer(s.title[lang], options.customer, options.pattern);
    lines.push("BEGIN:VEVENT", "UID:" + uidPrefix + data.id + "-" + s.id + "-" + compact(day) + "@cs-playbook",
      "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + compact(day),
      "DTEND;VALUE=DATE:" + compact(day + DAY), "SUMMARY:" + escapeText(title),
      "DESCRIPTION:" + escapeText(description), "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map((l) => fold(l) + "\r\n").join("");
}

/**
 * The Markdown checklist (schedule.markdown()), titles and names escaped with fill's inline().
 * @param {Playbook} data
 * @param {number} anchor
 * @param {string} lang
 * @param {Options} options
 */
export function markdown(data, anchor, lang, options) {
  const title = inline(forCustomer(data.title[lang], options.customer, options.pattern));
  const lines = ["# " + title, "", options.anchorLabel + ": " + iso(anchor), ""];
  for (const s of data.steps) {
    lines.push("- [ ] " + iso(dayOf(anchor, s, options.weekdaysOnly, data)) + " — " + inline(s.title[lang]) + " (" +
      inline(s.owner[lang]) + " / " + inline(s.channel[lang]) + ")");
  }
  return lines.join("\n") + "\n";
}
