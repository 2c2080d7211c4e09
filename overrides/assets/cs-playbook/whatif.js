// @ts-check
/**
 * Health-score what-if: the same weighted average as generator/scoring.py, with each
 * component's share of the score and the weakest component named.
 */
import { fixed, readNumber } from "./numbers.js";
import { markField, pageLang, readData } from "./widgets.js";

/** @param {HTMLElement} box */
export function setUpWhatIf(box) {
  const data = readData(box);
  const lang = pageLang();
  const form = /** @type {HTMLFormElement} */ (box.querySelector("form"));
  const parts = box.querySelector(".csp-whatif__parts");
  const out = {
    score: /** @type {Element} */ (box.querySelector("output[name=score]")),
    band: /** @type {Element} */ (box.querySelector("output[name=band]")),
    action: /** @type {Element} */ (box.querySelector("output[name=action]")),
  };
  /** @param {string} score @param {string} band @param {string} action */
  function show(score, band, action) {
    out.score.textContent = score; out.band.textContent = band; out.action.textContent = action;
  }
  function update() {
    let total = 0, weight = 0, faulty = false;
    /** @type {{index: number, value: number}[]} */
    const given = [];
    if (parts) parts.textContent = "";
    out.band.removeAttribute("data-band");
    for (let i = 0; i < data.components.length; i++) {
      // By attribute, not form.elements[id]: an id such as "length" is a property of the form.
      const input = /** @type {HTMLInputElement} */ (
        form.querySelector("input[name='" + CSS.escape(data.components[i]) + "']"));
      const raw = input.value.trim();
      markField(input, false);
      if (raw === "") continue;
      const value = readNumber(raw);
      if (!isFinite(value) || value < 0 || value > 100) { markField(input, true); faulty = true; continue; }
      given.push({ index: i, value });
      total += data.weights[i] * value;
      weight += data.weights[i];
    }
    if (faulty) { show(data.range, "–", ""); return; }
    if (weight === 0) { show(data.empty, "–", ""); return; }
    const score = total / weight;
    const band = data.bands.filter((/** @type {{min: number}} */ b) => score >= b.min)[0];
    show(fixed(score, 1), band.name[lang], band.action[lang]);
    out.band.setAttribute("data-band", band.id);
    if (!parts || !data.names) return;
    const weakest = given.reduce((low, g) => (g.value < low.value ? g : low));
    for (const g of given) {
      const item = document.createElement("li");
      const share = data.weights[g.index] / weight;
      /** @type {Record<string, string>} */
      const words = {
        name: data.names[lang][g.index], value: fixed(g.value, 1),
        share: fixed(share * 100, 1), points: fixed(share * g.value, 1),
      };
      item.textContent = data.part.replace(/\{(name|value|share|points)\}/g,
        (/** @type {string} */ _, /** @type {string} */ key) => words[key]);
      item.setAttribute("data-component", data.components[g.index]);
      if (g === weakest && given.length > 1) {
        item.className = "csp-whatif__weakest";
        item.appendChild(document.createTextNode(" " + data.weakest));
      }
      parts.appendChild(item);
    }
  }
  form.addEventListener("input", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  update();
}
