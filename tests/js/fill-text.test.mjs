// @ts-check
// fill-text.js: the template filled as generator/fill.py fills it (the browser tests compare
// the two on every shipped template; these cases pin the rules on a small form).
import { test } from "node:test";
import assert from "node:assert/strict";
import { fill, placeholderRegExp } from "../../overrides/assets/cs-playbook/fill-text.js";

const label = (/** @type {string} */ text) => ({ xx: text });
const form = {
  placeholder: "[{label}]",
  body: { xx: "# [[title]]\n\nGoal: [[goal]]\n\n[[steps]]\n\n[[budget]] / [[rate]]\n\n[[plan]]\n\n[[tone]]" },
  fields: [
    { id: "title", type: "short", label: label("Title") },
    { id: "goal", type: "long", label: label("Goal $& $'") },
    { id: "steps", type: "list", label: label("Steps") },
    { id: "budget", type: "money", label: label("Budget") },
    { id: "rate", type: "percent", label: label("Rate") },
    { id: "plan", type: "table", label: label("Plan"), columns: [
      { id: "constructor", label: label("When") }, { id: "what", label: label("What") }] },
    { id: "tone", type: "choice", label: label("Tone"), options: [{ id: "warm", label: label("*Warm*") }] },
  ],
};

test("empty answers become placeholders, with $ patterns in labels kept as text", () => {
  const text = fill(form, {}, "xx");
  assert.equal(text, "# [Title]\n\nGoal: [Goal $& $']\n\n- [Steps]\n\n[Budget] / [Rate]\n\n" +
    "| When | What |\n| --- | --- |\n| [When] | [What] |\n\n[Tone]\n");
  const marks = text.match(new RegExp(placeholderRegExp(form.placeholder).source, "g"));
  assert.deepEqual(marks, ["[Title]", "[Goal $& $']", "[Steps]", "[Budget]", "[Rate]", "[When]", "[What]", "[Tone]"]);
});

test("answers are escaped, numbers written out and rows read by their own keys only", () => {
  const answers = {
    title: "  Q3 *review*  ", goal: "\n one\r\n two \n", steps: ["a", "1. b"],
    budget: 1234567.5, rate: 1e-7, plan: [{ what: "x|y" }], tone: "warm",
  };
  assert.equal(fill(form, answers, "xx"), "# Q3 \\*review\\*\n\nGoal: one\ntwo\n\n- a\n- 1\\. b\n\n" +
    "1,234,567.5 / 0.0000001%\n\n| When | What |\n| --- | --- |\n|  | x\\|y |\n\n\\*Warm\\*\n");
});

test("an answer keyed like an Object property is not found on the prototype", () => {
  const text = fill(form, Object.create({ title: "inherited" }), "xx");
  assert.ok(text.startsWith("# [Title]\n"));
});
