// @ts-check
// markdown-text.js's inline() against the shared vectors that pytest checks against
// generator/fill.py's inline(): one file of cases, both languages held to it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";

const root = new URL("../../", import.meta.url);
const source = readFileSync(new URL("overrides/assets/cs-playbook/markdown-text.js", root), "utf8");
/** @type {{text: string, inline: string}[]} */
const vectors = JSON.parse(readFileSync(new URL("tests/vectors/markdown-inline.json", root), "utf8"));

/** The browser script run as the page runs it, with its own `window`. */
function load() {
  /** @type {{cspMarkdownText?: {inline(text: string): string}}} */
  const window = {};
  runInNewContext(source, { window });
  if (!window.cspMarkdownText) throw new Error("markdown-text.js did not set window.cspMarkdownText");
  return window.cspMarkdownText;
}

test("inline() escapes every shared vector as Python does", () => {
  const { inline } = load();
  assert.ok(vectors.length >= 20);
  for (const { text, inline: expected } of vectors) {
    assert.equal(inline(text), expected, JSON.stringify(text));
  }
});

test("inline() leaves no line break and no unescaped Markdown punctuation", () => {
  const { inline } = load();
  for (const { text } of vectors) {
    const line = inline(text);
    assert.ok(!/[\n\r\u2028\u2029]/.test(line), JSON.stringify(text));
    assert.ok(!/(^|[^\\])[*_`[\]<>|]/.test(line.replace(/\\\\/g, "")), JSON.stringify(line));
  }
});
