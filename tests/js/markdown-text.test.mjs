// @ts-check
// markdown-text.js's inline() against the shared vectors that pytest checks against
// generator/fill.py's inline(): one file of cases, both languages held to it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { inline, squeeze } from "../../overrides/assets/cs-playbook/markdown-text.js";

/** @type {{text: string, inline: string}[]} */
const vectors = JSON.parse(readFileSync(new URL("../vectors/markdown-inline.json", import.meta.url), "utf8"));

test("inline() escapes every shared vector as Python does", () => {
  assert.ok(vectors.length >= 20);
  for (const { text, inline: expected } of vectors) {
    assert.equal(inline(text), expected, JSON.stringify(text));
  }
});

test("inline() leaves no line break and no unescaped Markdown punctuation", () => {
  for (const { text } of vectors) {
    const line = inline(text);
    assert.ok(!/[\n\r\u2028\u2029]/.test(line), JSON.stringify(text));
    assert.ok(!/(^|[^\\])[*_`[\]<>|]/.test(line.replace(/\\\\/g, "")), JSON.stringify(line));
  }
});

test("squeeze() splits on Python's whitespace, not JavaScript's", () => {
  assert.equal(squeeze("\u3000ACME\x1c  株式会社\u2029"), "ACME 株式会社");
  assert.equal(squeeze("a\ufeffb"), "a\ufeffb");  // not a space for Python's str.split()
});
