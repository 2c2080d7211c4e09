/*
 * CS Playbook calculators: KPI formulas, the health-score what-if and playbook schedules.
 * Everything is computed from data the build wrote into the page (JSON in
 * <script type="application/json">), with the same operations and rounding as the Python
 * code (generator/formula.py, kpi.py, scoring.py, schedule.py), so page and CLI agree to
 * the byte. No eval, no network: nothing typed here leaves the page.
 */
(function () {
  "use strict";

  // ---- numbers -------------------------------------------------------------------------
  var LIMIT = Math.pow(2, 53);

  function evaluate(node, values) {
    if ("num" in node) return node.num;
    if ("var" in node) return values[node["var"]];
    var args = node.args.map(function (a) { return evaluate(a, values); });
    if ("fn" in node) return node.fn === "min" ? Math.min.apply(null, args) : Math.max.apply(null, args);
    switch (node.op) {
      case "neg": return -args[0];
      case "+": return args[0] + args[1];
      case "-": return args[0] - args[1];
      case "*": return args[0] * args[1];
      default:
        if (args[1] === 0) throw new Error("zero");
        return args[0] / args[1];
    }
  }

  function group(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  // Round half away from zero with the same float steps as kpi.fixed() in Python.
  function fixed(value, digits) {
    var power = Math.pow(10, digits);
    var scaled = Math.floor(Math.abs(value) * power + 0.5);
    var whole = Math.floor(scaled / power);
    var text = group(String(whole));
    if (digits) text += "." + String(scaled - whole * power).padStart(digits, "0");
    return (value < 0 && scaled ? "-" : "") + text;
  }

  function readData(box) {
    var script = box.querySelector("script[type='application/json']");
    return script ? JSON.parse(script.textContent) : null;
  }

  // ---- KPI calculators -------------------------------------------------------------------
  function setUpKpi(box) {
    var data = readData(box);
    var form = box.querySelector("form");
    var output = box.querySelector("output");
    function update() {
      var values = Object.create(null);
      var inputs = form.querySelectorAll("input");
      for (var i = 0; i < inputs.length; i++) {
        var raw = inputs[i].value.trim();
        var number = raw === "" ? NaN : Number(raw);
        if (!isFinite(number) || number < 0) {
          output.textContent = data.missing;
          output.removeAttribute("data-value");
          return;
        }
        values[inputs[i].name] = number;
      }
      output.removeAttribute("data-value");
      var value;
      try {
        value = evaluate(data.tree, values);
      } catch (error) {
        output.textContent = data.zero;
        return;
      }
      var shown = data.unit === "percent" ? value * 100 : value;
      // The same test as kpi.showable(): beyond 2**53 the two languages print different digits.
      if (!isFinite(shown) || Math.abs(shown) * Math.pow(10, data.digits) + 0.5 >= LIMIT) {
        output.textContent = data.large;
        return;
      }
      var text = fixed(shown, data.digits);
      output.textContent = data.pattern.replace("{value}", function () { return text; });
      output.setAttribute("data-value", String(value));
    }
    form.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  }

  window.cspCalculators = { evaluate: evaluate, fixed: fixed };
  window.cspKpis = function () {
    var boxes = document.querySelectorAll(".csp-calc[data-csp-kpi]");
    for (var i = 0; i < boxes.length; i++) setUpKpi(boxes[i]);
  };
})();

/* Health-score what-if: the same weighted average as generator/scoring.py. */
(function () {
  "use strict";
  function setUp(box) {
    var data = JSON.parse(box.querySelector("script[type='application/json']").textContent);
    var lang = document.documentElement.lang === "en" ? "en" : "ja";
    var form = box.querySelector("form");
    var out = {
      score: box.querySelector("output[name=score]"),
      band: box.querySelector("output[name=band]"),
      action: box.querySelector("output[name=action]")
    };
    function show(score, band, action) {
      out.score.textContent = score; out.band.textContent = band; out.action.textContent = action;
    }
    function update() {
      var total = 0, weight = 0;
      for (var i = 0; i < data.components.length; i++) {
        // By attribute, not form.elements[id]: an id such as "length" is a property of the form.
        var raw = form.querySelector("input[name='" + CSS.escape(data.components[i]) + "']").value.trim();
        if (raw === "") continue;
        var value = Number(raw);
        if (!isFinite(value) || value < 0 || value > 100) { show(data.range, "–", ""); return; }
        total += data.weights[i] * value;
        weight += data.weights[i];
      }
      if (weight === 0) { show(data.empty, "–", ""); return; }
      var score = total / weight;
      var band = data.bands.filter(function (b) { return score >= b.min; })[0];
      show(window.cspCalculators.fixed(score, 1), band.name[lang], band.action[lang]);
      out.band.setAttribute("data-band", band.id);
    }
    form.addEventListener("input", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  }
  window.cspWhatIf = function () {
    var boxes = document.querySelectorAll(".csp-whatif");
    for (var i = 0; i < boxes.length; i++) setUp(boxes[i]);
  };
})();

/* Playbook schedules: the same dates, checklist and .ics bytes as generator/schedule.py. */
(function () {
  "use strict";
  var DAY = 86400000;
  function iso(time) { return new Date(time).toISOString().slice(0, 10); }
  function compact(time) { return iso(time).replace(/-/g, ""); }
  // RFC 5545 TEXT, as schedule._escape(): control characters other than tab and line feed
  // dropped (a lone CR too), then backslash, ";", "," and line feeds escaped.
  var CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
  function escapeText(text) {
    return text.replace(/\r\n/g, "\n").replace(CONTROL, "")
      .replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
  }
  var encoder = new TextEncoder();
  function fold(line) {
    var parts = [], current = "", size = 0;
    for (var char of line) {
      var width = encoder.encode(char).length;
      if (size + width > 75) { parts.push(current); current = " "; size = 1; }
      current += char; size += width;
    }
    parts.push(current);
    return parts.join("\r\n");
  }
  function inCalendar(time) {
    var year = new Date(time).getUTCFullYear();
    return year >= 1 && year <= 9999;
  }
  // A real YYYY-MM-DD date whose steps (and the day after each) fall in the years 1-9999,
  // as schedule.parse_anchor() and dated_steps() require; null otherwise.
  function parseAnchor(text, data) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
    var parts = text.split("-").map(Number);
    var date = new Date(0);
    date.setUTCFullYear(parts[0], parts[1] - 1, parts[2]);  // Date.UTC maps years 0-99 to 19xx
    var anchor = date.getTime();
    if (!inCalendar(anchor) || iso(anchor) !== text) return null;
    var fits = data.steps.every(function (s) {
      var day = anchor + s.offset * DAY;
      return inCalendar(day) && inCalendar(day + DAY);
    });
    return fits ? anchor : null;
  }
  function ics(data, anchor, lang) {
    var stamp = compact(anchor) + "T000000Z";
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CS Playbook//Schedules//EN",
      "CALSCALE:GREGORIAN"];
    data.steps.forEach(function (s) {
      var day = anchor + s.offset * DAY;
      var description = s.description[lang].trim() + "\n\n" + s.owner[lang] + " / " + s.channel[lang];
      lines.push("BEGIN:VEVENT", "UID:" + data.id + "-" + s.id + "-" + compact(day) + "@cs-playbook",
        "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + compact(day),
        "DTEND;VALUE=DATE:" + compact(day + DAY), "SUMMARY:" + escapeText(s.title[lang]),
        "DESCRIPTION:" + escapeText(description), "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(function (l) { return fold(l) + "\r\n"; }).join("");
  }
  // Titles and names escaped as schedule.markdown() does, with the one inline() of fill.
  function markdown(data, anchor, lang, anchorLabel) {
    var inline = window.cspMarkdownText.inline;  // markdown-text.js, loaded before this file
    var lines = ["# " + inline(data.title[lang]), "", anchorLabel + ": " + iso(anchor), ""];
    data.steps.forEach(function (s) {
      lines.push("- [ ] " + iso(anchor + s.offset * DAY) + " — " + inline(s.title[lang]) + " (" +
        inline(s.owner[lang]) + " / " + inline(s.channel[lang]) + ")");
    });
    return lines.join("\n") + "\n";
  }
  function setUp(box) {
    var data = JSON.parse(box.querySelector("script[type='application/json']").textContent);
    var lang = document.documentElement.lang === "en" ? "en" : "ja";
    var input = box.querySelector("input[name=anchor]");
    var list = box.querySelector(".csp-schedule__list");
    var icsLink = box.querySelector(".csp-schedule__ics");
    var mdLink = box.querySelector(".csp-schedule__md");
    var invalid = box.querySelector(".csp-schedule__invalid");
    var urls = [];
    function update() {
      urls.forEach(function (u) { URL.revokeObjectURL(u); }); urls = [];
      list.textContent = "";
      icsLink.hidden = mdLink.hidden = true;
      var anchor = parseAnchor(input.value, data);
      invalid.hidden = anchor !== null || input.value === "";
      if (anchor === null) return;
      data.steps.forEach(function (s) {
        var item = document.createElement("li");
        item.textContent = iso(anchor + s.offset * DAY) + " — " + s.title[lang];
        list.appendChild(item);
      });
      var anchorLabel = box.getAttribute("data-anchor-label") || "";
      var icsUrl = URL.createObjectURL(new Blob([ics(data, anchor, lang)], { type: "text/calendar" }));
      var mdUrl = URL.createObjectURL(new Blob([markdown(data, anchor, lang, anchorLabel)], { type: "text/markdown" }));
      urls.push(icsUrl, mdUrl);
      icsLink.href = icsUrl; mdLink.href = mdUrl;
      icsLink.hidden = mdLink.hidden = false;
    }
    input.addEventListener("input", update);
    input.addEventListener("change", update);
    update();
  }
  window.cspSchedule = function () {
    var boxes = document.querySelectorAll(".csp-schedule");
    for (var i = 0; i < boxes.length; i++) setUp(boxes[i]);
  };
})();

(function () {
  "use strict";
  function init() { window.cspKpis(); window.cspWhatIf(); window.cspSchedule(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
