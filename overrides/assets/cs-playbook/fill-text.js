// @ts-check
/**
 * A template filled with answers, with the same rules as generator/fill.py, so the page's
 * download is byte-identical to `cs-playbook fill`. No DOM: the form (fill.js) and the
 * unit tests call it alike.
 */
import { LINE_BREAK, SPACE, inline } from "./markdown-text.js";
import { number } from "./numbers.js";

const MARKER = /\[\[([a-z][a-z0-9_]{0,39})\]\]/g;
const EDGE_SPACE = new RegExp("^" + SPACE.source + "|" + SPACE.source + "$", "g");

/**
 * Only an object's own keys: a field id such as "constructor" must not find Object's.
 * @param {any} object
 * @param {string} key
 */
export function own(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** @param {any} data @param {string} label */
function placeholder(data, label) {
  // A function, not a string: "$&", "$'" or "$$" in a label are text, not replacement patterns.
  return data.placeholder.replace("{label}", () => label);
}

/** @param {any} field @param {string} lang */
function tableHead(field, lang) {
  return ["| " + field.columns.map((/** @type {any} */ c) => inline(c.label[lang])).join(" | ") + " |",
    "| " + field.columns.map(() => "---").join(" | ") + " |"];
}

/** @param {any} data @param {any} field @param {string} lang */
function blank(data, field, lang) {
  const mark = placeholder(data, field.label[lang]);
  if (field.type === "list") return "- " + mark;
  if (field.type === "table") {
    return tableHead(field, lang).concat(["| " + field.columns.map(
      (/** @type {any} */ c) => placeholder(data, c.label[lang])).join(" | ") + " |"]).join("\n");
  }
  return mark;
}

/** @param {any} data @param {any} field @param {any} value @param {string} lang */
function render(data, field, value, lang) {
  if (value === null || value === undefined) return blank(data, field, lang);
  switch (field.type) {
    case "short": return inline(value);
    case "long": return value.replace(EDGE_SPACE, "").split(LINE_BREAK).map(inline).join("\n");
    case "number": case "money": return number(value);
    case "percent": return number(value) + "%";
    case "date": return value;
    case "choice":
      return inline(field.options.filter((/** @type {any} */ o) => o.id === value)[0].label[lang]);
    case "list": return value.map((/** @type {string} */ item) => "- " + inline(item)).join("\n");
    default:
      return tableHead(field, lang).concat(value.map((/** @type {any} */ row) =>
        "| " + field.columns.map((/** @type {any} */ c) => inline(own(row, c.id) || "")).join(" | ") + " |",
      )).join("\n");
  }
}

/**
 * The template's body in `lang` with each [[field]] replaced by its answer or placeholder.
 * @param {any} data  the form's data block (fields, body, placeholder)
 * @param {Record<string, any>} answers
 * @param {string} lang
 */
export function fill(data, answers, lang) {
  const fields = Object.create(null);
  for (const f of data.fields) fields[f.id] = f;
  return data.body[lang].replace(MARKER, (/** @type {string} */ _, /** @type {string} */ id) =>
    render(data, fields[id], own(answers, id), lang)) + "\n";
}

/**
 * A pattern that finds the placeholders of this form in filled text (one capture group).
 * @param {string} pattern  the placeholder with "{label}" where the label goes
 */
export function placeholderRegExp(pattern) {
  const parts = pattern.split("{label}").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp("(" + parts.join(".+?") + ")");
}
