// @ts-check
// search-text.js against tests/vectors/search-normalize.json, which pytest holds
// generator/search_text.py to: folding, query words, tokens and the Japanese character range.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { Normalizer, baseForm, runTokens } from "../../overrides/assets/cs-playbook/search-text.js";

const vectors = JSON.parse(readFileSync(new URL("../vectors/search-normalize.json", import.meta.url), "utf8"));

test("the browser normalises every shared case as the build does", () => {
  const normalizer = new Normalizer(vectors.rules);
  assert.ok(vectors.cases.length >= 10);
  for (const c of vectors.cases) {
    const label = JSON.stringify(c.text);
    assert.equal(baseForm(c.text), c.base, label);
    assert.equal(normalizer.normalize(c.text), c.normalized, label);
    const words = normalizer.queryWords(c.text);
    assert.deepEqual(words, c.words, label);
    assert.deepEqual(words.map((w) => normalizer.queryTokens(w)), c.tokens, label);
    assert.deepEqual(words.map((w) => normalizer.pairTokens(w)), c.pair_tokens, label);
    assert.deepEqual(runTokens(normalizer.normalize(c.text), true), c.pairs, label);
    assert.deepEqual(runTokens(c.text, true), c.raw_pairs, label);
  }
});
