// @ts-check
// The browser modules share only through imports and know no language by name: texts come
// from the page's data blocks, keyed by the page's own `lang`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";

const folder = new URL("../../overrides/assets/cs-playbook/", import.meta.url);
const modules = readdirSync(folder).filter((name) => name.endsWith(".js"));
const source = (/** @type {string} */ name) => readFileSync(new URL(name, folder), "utf8");

test("no module hands anything to another through window", () => {
  assert.ok(modules.length > 10);
  for (const name of modules) {
    assert.doesNotMatch(source(name), /\bwindow\s*\.\s*(csp|Cs)[A-Za-z]*\s*=/, name);
    assert.doesNotMatch(source(name), /\bglobalThis\b/, name);
  }
});

test("no module names a language: a third one gets its own words, never a default", () => {
  for (const name of modules) {
    assert.doesNotMatch(source(name), /["'](ja|en)(-[A-Za-z]+)?["']/, name);
  }
});

test("every module is type-checked and the entry imports each widget", () => {
  for (const name of modules) assert.ok(source(name).startsWith("// @ts-check\n"), name);
  const imported = [...source("main.js").matchAll(/from "\.\/([a-z-]+\.js)"/g)].map((m) => m[1]);
  for (const widget of ["fill.js", "kpi.js", "whatif.js", "schedule.js", "progress.js", "search.js", "terms.js", "alternate.js"]) {
    assert.ok(imported.includes(widget), widget);
  }
});
