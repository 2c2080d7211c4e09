// @ts-check
// One bad data block or one failing widget stops only itself: the boxes and widgets after it
// still start, and the failure goes to the console.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readData, startAll, startEach } from "../../overrides/assets/cs-playbook/widgets.js";

/** A box holding a JSON data block with this text. @param {string} json */
const box = (json) => ({ querySelector: () => ({ textContent: json }), started: false });

/** A page root whose selector finds these boxes. @param {object[]} boxes */
const page = (boxes) => /** @type {any} */ ({ querySelectorAll: () => boxes });

const recorder = () => {
  /** @type {unknown[][]} */
  const errors = [];
  return { errors, error: (/** @type {unknown[]} */ ...args) => { errors.push(args); } };
};

test("a box whose JSON is broken is reported, and the boxes after it still start", () => {
  const boxes = [box('{"n": 1}'), box('{"n": '), box('{"n": 3}')];
  const log = recorder();
  const seen = [];
  const started = startEach(".w", (/** @type {any} */ b) => { seen.push(readData(b).n); b.started = true; }, page(boxes), log);
  assert.equal(started, 2);
  assert.deepEqual(seen, [1, 3]);
  assert.deepEqual(boxes.map((b) => b.started), [true, false, true]);
  assert.equal(log.errors.length, 1);
  assert.equal(log.errors[0][1], ".w");
  assert.ok(log.errors[0][2] instanceof SyntaxError);
});

test("a box without a data block is reported, not thrown", () => {
  const log = recorder();
  const empty = { querySelector: () => null };
  assert.equal(startEach(".w", (/** @type {any} */ b) => readData(b), page([empty]), log), 0);
  assert.equal(log.errors.length, 1);
});

test("a widget that throws does not stop the widgets after it", () => {
  const log = recorder();
  const ran = [];
  startAll({
    first: () => ran.push("first"),
    broken: () => { throw new TypeError("missing element"); },
    last: () => ran.push("last"),
  }, log);
  assert.deepEqual(ran, ["first", "last"]);
  assert.deepEqual(log.errors.map((e) => e[1]), ["broken"]);
});
