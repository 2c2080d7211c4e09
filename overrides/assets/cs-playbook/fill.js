/*
 * CS Playbook template forms: fill a template in the browser with the same rules as
 * generator/fill.py, so the download is byte-identical to `cs-playbook fill`.
 * The draft is kept in localStorage (this browser only); nothing is sent anywhere.
 */
(function () {
  "use strict";
  var MARKER = /\[\[([a-z][a-z0-9_]{0,39})\]\]/g;
  var markdownText = window.cspMarkdownText;  // markdown-text.js, loaded before this file
  var inline = markdownText.inline;
  var SPACE = markdownText.SPACE.source;
  var EDGE_SPACE = new RegExp("^" + SPACE + "|" + SPACE + "$", "g");

  // Only an object's own keys: a field id such as "constructor" must not find Object's.
  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  function number(value) {
    // Same digits as generator/fill.py number(): shortest round-trip digits, no exponent.
    var text = String(Math.abs(value));
    var exp = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
    if (exp) {
      var digits = exp[1] + (exp[2] || ""), power = parseInt(exp[3], 10);
      text = power < 0 ? "0." + "0".repeat(-power - 1) + digits
        : digits + "0".repeat(power - digits.length + 1);
    }
    var parts = text.split(".");
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return (value < 0 ? "-" : "") + whole + (parts[1] ? "." + parts[1] : "");
  }

  function placeholder(data, label) {
    // A function, not a string: "$&", "$'" or "$$" in a label are text, not replacement patterns.
    return data.placeholder.replace("{label}", function () { return label; });
  }

  function tableHead(field, lang) {
    return ["| " + field.columns.map(function (c) { return inline(c.label[lang]); }).join(" | ") + " |",
      "| " + field.columns.map(function () { return "---"; }).join(" | ") + " |"];
  }

  function blank(data, field, lang) {
    var mark = placeholder(data, field.label[lang]);
    if (field.type === "list") return "- " + mark;
    if (field.type === "table") {
      return tableHead(field, lang).concat(["| " + field.columns.map(function (c) {
        return placeholder(data, c.label[lang]);
      }).join(" | ") + " |"]).join("\n");
    }
    return mark;
  }

  function render(data, field, value, lang) {
    if (value === null || value === undefined) return blank(data, field, lang);
    switch (field.type) {
      case "short": return inline(value);
      case "long": return value.replace(EDGE_SPACE, "").split(markdownText.LINE_BREAK).map(inline).join("\n");
      case "number": case "money": return number(value);
      case "percent": return number(value) + "%";
      case "date": return value;
      case "choice":
        return inline(field.options.filter(function (o) { return o.id === value; })[0].label[lang]);
      case "list": return value.map(function (item) { return "- " + inline(item); }).join("\n");
      default:
        return tableHead(field, lang).concat(value.map(function (row) {
          return "| " + field.columns.map(function (c) { return inline(own(row, c.id) || ""); }).join(" | ") + " |";
        })).join("\n");
    }
  }

  function fill(data, answers, lang) {
    var fields = Object.create(null);
    data.fields.forEach(function (f) { fields[f.id] = f; });
    return data.body[lang].replace(MARKER, function (_, id) {
      return render(data, fields[id], own(answers, id), lang);
    }) + "\n";
  }

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
            if (!isFinite(value) || Math.abs(value) >= 1e15) value = null;
          } else value = raw;
        }
      }
      answers[field.id] = value;
    });
    return answers;
  }

  function setUp(box) {
    var data = JSON.parse(box.querySelector("script[type='application/json']").textContent);
    var lang = document.documentElement.lang === "en" ? "en" : "ja";
    var key = "cs-playbook:template:" + data.id + ":" + lang;
    var form = box.querySelector("form");
    var preview = document.querySelector(".csp-fill__preview code");
    var copy = box.querySelector(".csp-fill__copy");
    var download = box.querySelector(".csp-fill__download");
    var reset = box.querySelector(".csp-fill__reset");
    var state = {};
    try { state = JSON.parse(window.localStorage.getItem(key) || "{}"); } catch (e) { state = {}; }
    state.__addRow = data.add_row;
    var url = null, text = "";
    function changed() {
      var answers = read(form, data);
      text = fill(data, answers, lang);
      if (preview) preview.textContent = text;
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([text], { type: "text/markdown" }));
      download.href = url;
      try { window.localStorage.setItem(key, JSON.stringify(answers)); } catch (e) { /* ignore */ }
    }
    function build() {
      form.textContent = "";
      data.fields.forEach(function (field) {
        var element = control(field, lang, state, changed);
        element.setAttribute("data-field", field.id);
        form.appendChild(element);
      });
    }
    build();
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    copy.addEventListener("click", function () {
      if (navigator.clipboard) navigator.clipboard.writeText(text);
    });
    reset.addEventListener("click", function () {
      try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
      state = { __addRow: data.add_row };
      build();
      changed();
    });
    copy.hidden = download.hidden = reset.hidden = false;
    changed();
  }

  window.cspFill = { fill: fill, inline: inline, number: number };
  function init() { document.querySelectorAll(".csp-fill").forEach(setUp); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
