// @ts-check
/**
 * KPI calculators: the formula the build wrote into the page, with the same operations and
 * rounding as generator/formula.py and kpi.py, so page and CLI agree to the byte.
 */
import { evaluate } from "./formula.js";
import { fixed, readNumber, rounded, showable, withSeparators } from "./numbers.js";
import { markField, readData } from "./widgets.js";

/**
 * Below, within or above the handbook's range, comparing the value as shown (kpi.position()).
 * @param {number} shown
 * @param {number} digits
 * @param {{min: number | null, max: number | null}} range
 */
export function position(shown, digits, range) {
  const value = rounded(shown, digits);
  if (range.min !== null && value < range.min) return "below";
  if (range.max !== null && value > range.max) return "above";
  return "within";
}

/** @param {HTMLElement} box */
export function setUpKpi(box) {
  const data = readData(box);
  const form = /** @type {HTMLFormElement} */ (box.querySelector("form"));
  const output = /** @type {HTMLOutputElement} */ (box.querySelector("output[name=result]"));
  const typicalOutput = box.querySelector("output[name=typical]");
  /** @param {number | null} shown */
  function showTypical(shown) {
    if (!typicalOutput || !data.typical) return;
    if (shown === null) {
      typicalOutput.textContent = "";
      typicalOutput.removeAttribute("data-position");
      return;
    }
    const place = position(shown, data.digits, data.typical);
    typicalOutput.textContent = data.typical.texts[place];
    typicalOutput.setAttribute("data-position", place);
  }
  function update() {
    const values = Object.create(null);
    /** @type {HTMLInputElement | null} */
    let faulty = null;
    for (const input of form.querySelectorAll("input")) {
      const number = readNumber(input.value);
      const bad = !isFinite(number) || number < 0;
      markField(input, bad);
      if (bad && !faulty) faulty = input;
      values[input.name] = number;
    }
    output.removeAttribute("data-value");
    showTypical(null);
    if (faulty) {
      const label = (data.labels && data.labels[faulty.name]) || faulty.name;
      output.textContent = data.field_error ? data.field_error.replace("{label}", label) : data.missing;
      return;
    }
    let value;
    try {
      value = evaluate(data.tree, values);
    } catch {
      output.textContent = data.zero;
      return;
    }
    const shown = data.unit === "percent" ? value * 100 : value;
    // Beyond 2**53 the two languages print different digits (kpi.showable()).
    if (!showable(shown, data.digits)) {
      output.textContent = data.large;
      return;
    }
    const text = fixed(shown, data.digits);
    output.textContent = data.pattern.replace("{value}", () => text);
    output.setAttribute("data-value", String(value));
    showTypical(shown);
  }
  form.addEventListener("input", update);
  form.addEventListener("change", (event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && isFinite(readNumber(input.value))) {
      input.value = withSeparators(input.value);
    }
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  update();
}
