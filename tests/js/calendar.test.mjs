// @ts-check
// calendar.js and file-name.js against tests/vectors/calendar.json (held by pytest to
// generator/schedule.py and business_days.py), and the shape of the files they write.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  dayOf, escapeText, fold, ics, iso, markdown, parseAnchor,
} from "../../overrides/assets/cs-playbook/calendar.js";
import { fileName } from "../../overrides/assets/cs-playbook/file-name.js";

const vectors = JSON.parse(readFileSync(new URL("../vectors/calendar.json", import.meta.url), "utf8"));

/** @param {string} text */
const day = (text) => {
  const anchor = parseAnchor(text, { id: "x", title: {}, steps: [] }, false);
  assert.notEqual(anchor, null, text);
  return /** @type {number} */ (anchor);
};

test("text is escaped and lines folded as RFC 5545 asks, as schedule.py does", () => {
  for (const c of vectors.escape) assert.equal(escapeText(c.text), c.escaped, JSON.stringify(c));
  for (const c of vectors.fold) assert.equal(fold(c.line), c.folded, JSON.stringify(c));
});

test("download names match schedule.file_name()", () => {
  for (const c of vectors.file_name) {
    assert.equal(fileName(c.id, c.customer, c.extension), c.name, JSON.stringify(c));
  }
});

test("weekends and holidays move to the next working day as in Python", () => {
  const plain = { id: "x", title: {}, steps: [] };
  for (const c of vectors.weekday) {
    assert.equal(iso(dayOf(day(c.anchor), c, true, plain)), c.date, JSON.stringify(c));
  }
  const calendar = { ...plain, holidays: vectors.holidays.join(" "), holidayYears: [2000, 2050] };
  for (const c of vectors.business_day) {
    assert.equal(iso(dayOf(day(c.anchor), c, true, calendar)), c.date, JSON.stringify(c));
  }
});

test("anchors: only real dates whose steps stay in the years 1-9999", () => {
  const playbook = { id: "x", title: {}, steps: [{ id: "a", offset: -60 }, { id: "b", offset: 30 }] };
  assert.equal(parseAnchor("2026-02-30", /** @type {any} */ (playbook), false), null);
  assert.equal(parseAnchor("2026-2-3", /** @type {any} */ (playbook), false), null);
  assert.equal(parseAnchor("0001-01-15", /** @type {any} */ (playbook), false), null);
  assert.equal(parseAnchor("9999-12-01", /** @type {any} */ (playbook), false), null);
  assert.equal(iso(/** @type {number} */ (parseAnchor("0050-06-01", /** @type {any} */ (playbook), false))), "0050-06-01");
});

test("the .ics and the checklist carry every step, folded and escaped", () => {
  const texts = (/** @type {string} */ text) => ({ xx: text });
  const step = (/** @type {string} */ id, /** @type {number} */ offset, /** @type {string} */ title) => ({
    id, offset, title: texts(title), description: texts(" A, B; C\\ " + "あ".repeat(40) + " "),
    owner: texts("CSM"), channel: texts("Call"),
  });
  const playbook = { id: "renewal", title: texts("Renewal *plan*"), steps: [step("kick", -3, "Kick_off"), step("end", 5, "# Close")] };
  const options = { customer: "ACME", weekdaysOnly: true, pattern: "{customer}: {title}", anchorLabel: "Renewal" };
  const anchor = day("2026-12-07");  // a Monday: -3 is a Friday, +5 a Saturday
  const file = ics(playbook, anchor, "xx", options);
  const lines = file.split("\r\n");
  assert.equal(lines.pop(), "");
  assert.ok(lines.every((l) => new TextEncoder().encode(l).length <= 75));
  const unfolded = file.replace(/\r\n /g, "");
  assert.match(unfolded, /DTSTART;VALUE=DATE:20261204\r\n/);
  assert.match(unfolded, /DTSTART;VALUE=DATE:20261214\r\n/);
  assert.match(unfolded, /SUMMARY:ACME: Kick_off\r\n/);
  assert.match(unfolded, /DESCRIPTION:A\\, B\\; C\\\\ あ+\\n\\nCSM \/ Call\r\n/);
  assert.match(unfolded, /UID:ACME-renewal-kick-20261204@cs-playbook/);
  assert.equal(markdown(playbook, anchor, "xx", options), [
    "# ACME: Renewal \\*plan\\*", "", "Renewal: 2026-12-07", "",
    "- [ ] 2026-12-04 — Kick\\_off (CSM / Call)", "- [ ] 2026-12-14 — \\# Close (CSM / Call)", "",
  ].join("\n"));
});
