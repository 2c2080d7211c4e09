// @ts-check
/**
 * CS Playbook template forms: fill a template in the browser with the same rules as
 * generator/fill.py (fill-text.js), so the download is byte-identical to `cs-playbook fill`.
 * Drafts are kept per customer in localStorage (this browser only); nothing is sent anywhere.
 */
import { fileName } from "./file-name.js";
import { fill, own, placeholderRegExp } from "./fill-text.js";
import { htmlDocument, renderMarkdown } from "./markdown-preview.js";
import { squeeze } from "./markdown-text.js";
import { acceptable } from "./numbers.js";
import { pageLang, readData } from "./widgets.js";

// ---- the form ------------------------------------------------------------------------
function control(field, lang, state, changed) {
  var wrap = document.createElement("div");
  wrap.className = "csp-fill__field";
  if (field.required) wrap.className += " csp-fill__field--required";
  if (["long", "list", "table"].indexOf(field.type) >= 0) wrap.className += " csp-fill__field--wide";
  var label = document.createElement("label");
  label.textContent = field.label[lang];
  label.htmlFor = "csp-f-" + field.id;
  var help = document.createElement("small");
  help.id = "csp-h-" + field.id;
  help.textContent = field.help[lang];
  wrap.appendChild(label);
  wrap.appendChild(help);
  var input;
  if (field.type === "long" || field.type === "list") {
    input = document.createElement("textarea");
    input.rows = field.type === "list" ? 4 : 5;
  } else if (field.type === "choice") {
    input = document.createElement("select");
    var none = document.createElement("option");
    none.value = ""; none.textContent = "—"; input.appendChild(none);
    field.options.forEach(function (o) {
      var option = document.createElement("option");
      option.value = o.id; option.textContent = o.label[lang]; input.appendChild(option);
    });
  } else if (field.type === "table") {
    input = null;
    var table = document.createElement("div");
    table.className = "csp-fill__table";
    var rows = own(state, field.id) || [];
    function addRow(row) {
      var line = document.createElement("div");
      line.className = "csp-fill__row";
      field.columns.forEach(function (c) {
        var cell = document.createElement("input");
        cell.type = "text"; cell.placeholder = c.label[lang]; cell.value = (row && own(row, c.id)) || "";
        cell.setAttribute("data-column", c.id);
        cell.setAttribute("aria-label", c.label[lang]);
        cell.addEventListener("input", changed);
        line.appendChild(cell);
      });
      table.appendChild(line);
    }
    rows.forEach(addRow);
    if (!rows.length) addRow(null);
    var more = document.createElement("button");
    more.type = "button"; more.className = "md-button csp-fill__add"; more.textContent = state.__addRow;
    more.addEventListener("click", function () { addRow(null); changed(); });
    wrap.appendChild(table); wrap.appendChild(more);
  } else {
    input = document.createElement("input");
    input.type = { number: "number", percent: "number", money: "number", date: "date" }[field.type] || "text";
    if (input.type === "number") input.step = "any";
  }
  if (input) {
    input.id = "csp-f-" + field.id;
    input.name = field.id;
    input.setAttribute("aria-describedby", help.id);
    if (field.required) input.required = true;
    var saved = own(state, field.id);
    if (saved !== undefined && saved !== null) {
      input.value = field.type === "list" ? saved.join("\n") : String(saved);
    }
    input.addEventListener("input", changed);
    input.addEventListener("change", changed);
    wrap.appendChild(input);
  }
  return wrap;
}

function read(form, data) {
  var answers = Object.create(null);
  data.fields.forEach(function (field) {
    // Found by attribute, never by name on the form: form.elements.length, form.submit…
    // are the form's own properties, and ids may be spelt like them.
    var box = form.querySelector("[data-field='" + field.id + "']");
    var value = null;
    if (field.type === "table") {
      var rows = [];
      box.querySelectorAll(".csp-fill__row").forEach(function (line) {
        var row = Object.create(null), any = false;
        line.querySelectorAll("input").forEach(function (cell) {
          row[cell.getAttribute("data-column")] = cell.value;
          if (cell.value.trim()) any = true;
        });
        if (any) rows.push(row);
      });
      value = rows.length ? rows : null;
    } else {
      var raw = box.querySelector("[name]").value;
      if (raw.trim() !== "") {
        if (field.type === "list") {
          value = raw.split(/\r?\n/).map(function (s) { return s.trim(); }).filter(Boolean);
        } else if (field.type === "number" || field.type === "percent" || field.type === "money") {
          value = Number(raw);
          if (!acceptable(value)) value = null;
        } else value = raw;
      }
    }
    answers[field.id] = value;
  });
  return answers;
}

// ---- drafts: one per customer, in this browser only ----------------------------------
function drafts(prefix) {
  var found = [];
  for (var i = 0; i < window.localStorage.length; i++) {
    var key = window.localStorage.key(i);
    if (key === prefix) found.push("");
    else if (key && key.indexOf(prefix + ":") === 0) found.push(key.slice(prefix.length + 1));
  }
  return found.sort();
}

/** @param {HTMLElement} box */
export function setUpFill(box) {
  var data = readData(box);
  var words = data.words;
  var lang = pageLang();
  var prefix = "cs-playbook:template:" + data.id + ":" + lang;
  var lastKey = "cs-playbook:template-last:" + data.id + ":" + lang;
  var form = /** @type {HTMLFormElement} */ (box.querySelector("form"));
  var preview = document.querySelector(".csp-fill__preview code");
  var sheet = /** @type {HTMLElement} */ (box.querySelector(".csp-fill__sheet"));
  var rendered = box.querySelector(".csp-fill__rendered");
  var status = box.querySelector(".csp-fill__status");
  var draftList = /** @type {HTMLElement} */ (box.querySelector(".csp-fill__drafts"));
  var copy = /** @type {HTMLButtonElement} */ (box.querySelector(".csp-fill__copy"));
  var copyRich = /** @type {HTMLButtonElement} */ (box.querySelector(".csp-fill__copy-rich"));
  var download = /** @type {HTMLAnchorElement} */ (box.querySelector(".csp-fill__download"));
  var downloadHtml = /** @type {HTMLAnchorElement} */ (box.querySelector(".csp-fill__download-html"));
  var reset = /** @type {HTMLButtonElement} */ (box.querySelector(".csp-fill__reset"));
  /** @type {any} */
  var nameInput = null;
  var placeholderPattern = placeholderRegExp(data.placeholder);
  var current = "";
  try { current = window.localStorage.getItem(lastKey) || ""; } catch { current = ""; }
  var state = load(current);
  var url = null, htmlUrl = null, text = "", answers = {}, warned = false;

  function keyOf(name) { return name ? prefix + ":" + name : prefix; }
  function load(name) {
    /** @type {Record<string, any>} */
    var loaded;
    try { loaded = JSON.parse(window.localStorage.getItem(keyOf(name)) || "{}"); } catch { loaded = {}; }
    loaded.__addRow = data.add_row;
    return loaded;
  }
  function save() {
    try {
      window.localStorage.setItem(keyOf(current), JSON.stringify(answers));
      window.localStorage.setItem(lastKey, current);
    } catch { /* storage full or off: the form still works */ }
  }
  function customerName() { return nameInput ? squeeze(nameInput.value) : ""; }
  function showDrafts() {
    var names;
    try { names = drafts(prefix); } catch { names = []; }
    draftList.textContent = "";
    draftList.hidden = names.length === 0;
    if (!names.length) return;
    var title = document.createElement("p");
    title.className = "csp-fill__drafts-title";
    title.textContent = words.drafts;
    var list = document.createElement("ul");
    names.forEach(function (name) {
      var item = document.createElement("li");
      var open = document.createElement("button");
      open.type = "button"; open.className = "csp-fill__open";
      open.textContent = name || words.unnamed;
      if (name === current) open.setAttribute("aria-current", "true");
      open.addEventListener("click", function () { current = name; state = load(name); build(); changed(); });
      var remove = document.createElement("button");
      remove.type = "button"; remove.className = "csp-fill__delete";
      remove.textContent = words.delete;
      remove.setAttribute("aria-label", words.delete + ": " + (name || words.unnamed));
      remove.addEventListener("click", function () {
        try { window.localStorage.removeItem(keyOf(name)); } catch { /* storage off */ }
        if (name === current) { state = load(""); current = ""; build(); update(); }
        showDrafts();
      });
      item.appendChild(open); item.appendChild(remove); list.appendChild(item);
    });
    draftList.appendChild(title); draftList.appendChild(list);
  }
  function update() {
    answers = read(form, data);
    text = fill(data, answers, lang);
    warned = false;
    if (preview) preview.textContent = text;
    rendered.textContent = "";
    rendered.appendChild(renderMarkdown(text, placeholderPattern));
    var name = customerName();
    [url, htmlUrl].forEach(function (u) { if (u) URL.revokeObjectURL(u); });
    url = URL.createObjectURL(new Blob([text], { type: "text/markdown" }));
    htmlUrl = URL.createObjectURL(new Blob([htmlDocument(words.title, rendered, lang)], { type: "text/html" }));
    download.href = url; download.download = fileName(data.id, name, "md");
    downloadHtml.href = htmlUrl; downloadHtml.download = fileName(data.id, name, "html");
    form.querySelectorAll(".csp-fill__field--missing").forEach(function (wrap) {
      var field = wrap.getAttribute("data-field");
      if (answers[field] !== null) {
        wrap.classList.remove("csp-fill__field--missing");
        wrap.querySelectorAll("[aria-invalid]").forEach(function (c) { c.removeAttribute("aria-invalid"); });
      }
    });
  }
  function changed() {
    update();
    save();
    showDrafts();
  }
  // The draft's name is taken when the customer field is left, not at every key: while
  // typing, the answers stay in the draft that is open.
  function rename() {
    var name = customerName();
    if (name === current) return;
    try {
      if (!current) window.localStorage.removeItem(keyOf(""));  // an unnamed draft takes the name
      else if (data.customer_field) {
        // A named draft stays as it was, and the new name starts a copy.
        var kept = JSON.parse(window.localStorage.getItem(keyOf(current)) || "{}");
        kept[data.customer_field] = current;
        window.localStorage.setItem(keyOf(current), JSON.stringify(kept));
      }
    } catch { /* storage off: nothing to keep */ }
    current = name;
    changed();
  }
  function build() {
    form.textContent = "";
    var named = data.customer_field;
    if (!named) {
      var wrap = document.createElement("div");
      wrap.className = "csp-fill__field csp-fill__field--draft";
      var label = document.createElement("label");
      label.textContent = words.customer; label.htmlFor = "csp-f-customer-" + data.id;
      nameInput = document.createElement("input");
      nameInput.type = "text"; nameInput.id = label.htmlFor; nameInput.value = current;
      nameInput.addEventListener("input", changed);
      wrap.appendChild(label); wrap.appendChild(nameInput); form.appendChild(wrap);
    }
    data.fields.forEach(function (field) {
      var element = control(field, lang, state, changed);
      element.setAttribute("data-field", field.id);
      form.appendChild(element);
    });
    if (named) {
      nameInput = form.elements[named];
      if (!nameInput.value && current) nameInput.value = current;
    }
    nameInput.addEventListener("change", rename);
  }
  // Required fields left empty are named and focused before anything leaves the page;
  // a second try goes ahead (a draft may be shared on purpose with gaps).
  function checkRequired(event) {
    var missing = data.fields.filter(function (f) { return f.required && answers[f.id] === null; });
    if (!missing.length || warned) { status.textContent = ""; return true; }
    warned = true;
    if (event) event.preventDefault();
    missing.forEach(function (f) {
      var wrap = form.querySelector("[data-field='" + f.id + "']");
      wrap.classList.add("csp-fill__field--missing");
      wrap.querySelectorAll("input, textarea, select").forEach(function (c) { c.setAttribute("aria-invalid", "true"); });
    });
    status.textContent = words.missing.replace("{fields}", missing.map(function (f) {
      return f.label[lang];
    }).join(words.separator));
    var first = /** @type {HTMLElement | null} */ (form.querySelector("[data-field='" + missing[0].id + "'] input, [data-field='" +
      missing[0].id + "'] textarea, [data-field='" + missing[0].id + "'] select"));
    if (first) first.focus();
    return false;
  }
  build();
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  download.addEventListener("click", checkRequired);
  downloadHtml.addEventListener("click", checkRequired);
  copy.addEventListener("click", function () {
    if (checkRequired(null) && navigator.clipboard) navigator.clipboard.writeText(text);
  });
  copyRich.addEventListener("click", function () {
    if (!checkRequired(null) || !navigator.clipboard) return;
    var html = rendered.innerHTML;  // serialised from text nodes: escaped by the browser
    if (window.ClipboardItem && navigator.clipboard.write) {
      navigator.clipboard.write([new window.ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" })
      })]).then(function () { status.textContent = words.copied; });
    } else navigator.clipboard.writeText(text);
  });
  reset.addEventListener("click", function () {
    try { window.localStorage.removeItem(keyOf(current)); } catch { /* storage off */ }
    current = "";
    state = { __addRow: data.add_row };
    build();
    update();
    showDrafts();
  });
  [copy, copyRich, download, downloadHtml, reset].forEach(function (b) { b.hidden = false; });
  sheet.hidden = false;
  update();
  showDrafts();
}
