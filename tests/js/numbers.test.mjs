// @ts-check
// numbers.js and kpi.js's position() against tests/vectors/numbers.json, which pytest holds
// generator/kpi.py, fill.py and answers.py to.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  acceptable, fixed, number, readNumber, showable, withSeparators,
} from "../../overrides/assets/cs-playbook/numbers.js";
import { position } from "../../overrides/assets/cs-playbook/kpi.js";

const vectors = JSON.parse(readFileSync(new URL("../vectors/numbers.json", import.meta.url), "utf8"));

test("fixed() rounds half away from zero and groups thousands as kpi.fixed()", () => {
  assert.ok(vectors.fixed.length > 30);
  for (const c of vectors.fixed) assert.equal(fixed(c.value, c.digits), c.text, JSON.stringify(c));
});

test("number() writes the digits fill.number() writes, never an exponent", () => {
  for (const c of vectors.number) assert.equal(number(c.value), c.text, JSON.stringify(c));
});

test("the 2^53 and 10^15 limits fall where Python's do", () => {
  for (const c of vectors.showable) assert.equal(showable(c.value, c.digits), c.showable, JSON.stringify(c));
  for (const c of vectors.acceptable) assert.equal(acceptable(c.value), c.acceptable, JSON.stringify(c));
  assert.equal(showable(Infinity, 0), false);
  assert.equal(acceptable(NaN), false);
});

test("position() compares the value as shown, as kpi.position()", () => {
  for (const c of vectors.position) {
    const shown = c.unit === "percent" ? c.value * 100 : c.value;
    assert.equal(position(shown, c.digits, { min: c.min, max: c.max }), c.position, JSON.stringify(c));
  }
});

test("typed numbers: separators, full-width digits and spaces are read; words are not", () => {
  assert.equal(readNumber("1,000,000"), 1000000);
  assert.equal(readNumber("１２ ３４５．５"), 12345.5);
  assert.equal(readNumber("1e3"), 1000);
  assert.ok(Number.isNaN(readNumber("12abc")));
  assert.ok(Number.isNaN(readNumber("")));
  assert.equal(withSeparators("0001234567.50"), "1,234,567.50");
  assert.equal(withSeparators("-12"), "-12");
});
