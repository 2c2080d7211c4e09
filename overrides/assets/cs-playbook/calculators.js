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

  // ---- typed numbers: "1,000,000", full-width digits and spaces are accepted --------------
  var NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
  function readNumber(raw) {
    var text = raw.normalize("NFKC").replace(/[\s,_]/g, "");
    return NUMBER.test(text) ? Number(text) : NaN;
  }
  // The number as typed, with thousands separators in its whole part (shown after typing).
  function withSeparators(raw) {
    var text = raw.normalize("NFKC").replace(/[\s,_]/g, "");
    if (!/^\d+(\.\d*)?$/.test(text)) return raw;
    var parts = text.split(".");
    return group(parts[0].replace(/^0+(?=\d)/, "")) + (parts.length > 1 ? "." + parts[1] : "");
  }
  function markField(input, bad) {
    if (bad) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  // ---- KPI calculators -------------------------------------------------------------------
  function setUpKpi(box) {
    var data = readData(box);
    var form = box.querySelector("form");
    var output = box.querySelector("output[name=result]");
    var typicalOutput = box.querySelector("output[name=typical]");
    // Below, within or above the handbook's range, comparing the value as shown
    // (the same rounding as kpi.position()).
    function showTypical(shown) {
      if (!typicalOutput || !data.typical) return;
      if (shown === null) {
        typicalOutput.textContent = "";
        typicalOutput.removeAttribute("data-position");
        return;
      }
      var scale = Math.pow(10, data.digits);
      var rounded = (shown < 0 ? -1 : 1) * Math.floor(Math.abs(shown) * scale + 0.5) / scale;
      var place = "within";
      if (data.typical.min !== null && rounded < data.typical.min) place = "below";
      else if (data.typical.max !== null && rounded > data.typical.max) place = "above";
      typicalOutput.textContent = data.typical.texts[place];
      typicalOutput.setAttribute("data-position", place);
    }
    function update() {
      var values = Object.create(null);
      var inputs = form.querySelectorAll("input");
      var faulty = null;
      for (var i = 0; i < inputs.length; i++) {
        var number = readNumber(inputs[i].value);
        var bad = !isFinite(number) || number < 0;
        markField(inputs[i], bad);
        if (bad && !faulty) faulty = inputs[i];
        values[inputs[i].name] = number;
      }
      output.removeAttribute("data-value");
      showTypical(null);
      if (faulty) {
        var label = (data.labels && data.labels[faulty.name]) || faulty.name;
        output.textContent = data.field_error ? data.field_error.replace("{label}", label) : data.missing;
        return;
      }
      var value;
      try {
        value = evaluate(data.tree, values);
      } catch {
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
      showTypical(shown);
    }
    form.addEventListener("input", update);
    form.addEventListener("change", function (event) {
      var input = event.target;
      if (input instanceof HTMLInputElement && isFinite(readNumber(input.value))) {
        input.value = withSeparators(input.value);
      }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    update();
  }

  window.cspCalculators = { evaluate: evaluate, fixed: fixed, readNumber: readNumber, markField: markField };
  window.cspKpis = function () {
    var boxes = document.querySelectorAll(".csp-calc[data-csp-kpi]");
    for (var i = 0; i < boxes.length; i++) setUpKpi(boxes[i]);
  };
})();

/* Health-score what-if: the same weighted average as generator/scoring.py, with each
   component's share of the score and the weakest component named. */
(function () {
  "use strict";
  function setUp(box) {
    var data = JSON.parse(box.querySelector("script[type='application/json']").textContent);
    var lang = document.documentElement.lang === "en" ? "en" : "ja";
    var calc = window.cspCalculators;
    var form = box.querySelector("form");
    var parts = box.querySelector(".csp-whatif__parts");
    var out = {
      score: box.querySelector("output[name=score]"),
      band: box.querySelector("output[name=band]"),
      action: box.querySelector("output[name=action]")
    };
    function show(score, band, action) {
      out.score.textContent = score; out.band.textContent = band; out.action.textContent = action;
    }
    function update() {
      var total = 0, weight = 0, given = [], faulty = false;
      if (parts) parts.textContent = "";
      out.band.removeAttribute("data-band");
      for (var i = 0; i < data.components.length; i++) {
        // By attribute, not form.elements[id]: an id such as "length" is a property of the form.
        var input = form.querySelector("input[name='" + CSS.escape(data.components[i]) + "']");
        var raw = input.value.trim();
        calc.markField(input, false);
        if (raw === "") continue;
        var value = calc.readNumber(raw);
        if (!isFinite(value) || value < 0 || value > 100) { calc.markField(input, true); faulty = true; continue; }
        given.push({ index: i, value: value });
        total += data.weights[i] * value;
        weight += data.weights[i];
      }
      if (faulty) { show(data.range, "–", ""); return; }
      if (weight === 0) { show(data.empty, "–", ""); return; }
      var score = total / weight;
      var band = data.bands.filter(function (b) { return score >= b.min; })[0];
      show(calc.fixed(score, 1), band.name[lang], band.action[lang]);
      out.band.setAttribute("data-band", band.id);
      if (!parts || !data.names) return;
      var weakest = given.reduce(function (low, g) { return g.value < low.value ? g : low; });
      given.forEach(function (g) {
        var item = document.createElement("li");
        var share = data.weights[g.index] / weight;
        var words = {
          name: data.names[lang][g.index], value: calc.fixed(g.value, 1),
          share: calc.fixed(share * 100, 1), points: calc.fixed(share * g.value, 1)
        };
        item.textContent = data.part.replace(/\{(name|value|share|points)\}/g, function (_, key) {
          return words[key];
        });
        item.setAttribute("data-component", data.components[g.index]);
        if (g === weakest && given.length > 1) {
          item.className = "csp-whatif__weakest";
          item.appendChild(document.createTextNode(" " + data.weakest));
        }
        parts.appendChild(item);
      });
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
  // eslint-disable-next-line no-control-regex -- these are the characters to drop
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
  // schedule.weekday_of(): a Saturday or Sunday moves to the next Monday.
  function weekday(time) {
    var day = new Date(time).getUTCDay();
    return day === 6 ? time + 2 * DAY : day === 0 ? time + DAY : time;
  }
  // schedule.dated_steps() with a calendar: past weekends and the site's public holidays
  // (data.holidays, "YYYYMMDD YYYYMMDD ..." for the years data.holidayYears).
  var closedDays = new WeakMap();
  function closedOf(data) {
    if (!closedDays.has(data)) closedDays.set(data, new Set(data.holidays.split(" ")));
    return closedDays.get(data);
  }
  function businessDay(time, closed) {
    while (new Date(time).getUTCDay() % 6 === 0 || closed.has(compact(time))) time += DAY;
    return time;
  }
  function inHolidayYears(time, data) {
    var year = new Date(time).getUTCFullYear();
    return year >= data.holidayYears[0] && year <= data.holidayYears[1];
  }
  function dayOf(anchor, step, weekdaysOnly, data) {
    var day = anchor + step.offset * DAY;
    if (!weekdaysOnly) return day;
    return data && data.holidays ? businessDay(day, closedOf(data)) : weekday(day);
  }
  // schedule.for_customer(): "ACME: 30日レビュー" (the pattern comes from the labels).
  function squeeze(text) { return text.split(/\s+/).filter(Boolean).join(" "); }
  function forCustomer(title, customer, pattern) {
    if (!customer) return title;
    return pattern.replace(/\{(customer|title)\}/g, function (_, key) {
      return key === "customer" ? customer : title;
    });
  }
  // schedule.file_name(): "<customer>-<playbook>.<ext>".
  function fileName(id, customer, extension) {
    // eslint-disable-next-line no-control-regex -- control characters are refused in names
    var cleaned = Array.from(squeeze(customer.replace(/[\\/:*?"<>|\x00-\x1f\x7f]/g, " ")).replace(/ /g, "-"))
      .slice(0, 60).join("");
    return (cleaned ? cleaned + "-" : "") + id + "." + extension;
  }
  // A real YYYY-MM-DD date whose steps (and the day after each) fall in the years 1-9999,
  // as schedule.parse_anchor() and dated_steps() require; null otherwise.
  function parseAnchor(text, data, weekdaysOnly) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
    var parts = text.split("-").map(Number);
    var date = new Date(0);
    date.setUTCFullYear(parts[0], parts[1] - 1, parts[2]);  // Date.UTC maps years 0-99 to 19xx
    var anchor = date.getTime();
    if (!inCalendar(anchor) || iso(anchor) !== text) return null;
    var fits = data.steps.every(function (s) {
      var day = dayOf(anchor, s, weekdaysOnly, data);
      if (weekdaysOnly && data.holidays &&
          !(inHolidayYears(anchor + s.offset * DAY, data) && inHolidayYears(day, data))) return false;
      return inCalendar(day) && inCalendar(day + DAY);
    });
    return fits ? anchor : null;
  }
  function ics(data, anchor, lang, options) {
    var stamp = compact(anchor) + "T000000Z";
    var uidPrefix = options.customer ? escapeText(options.customer) + "-" : "";
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//CS Playbook//Schedules//EN",
      "CALSCALE:GREGORIAN"];
    data.steps.forEach(function (s) {
      var day = dayOf(anchor, s, options.weekdaysOnly, data);
      var description = s.description[lang].trim() + "\n\n" + s.owner[lang] + " / " + s.channel[lang];
      var title = forCustomer(s.title[lang], options.customer, options.pattern);
      lines.push("BEGIN:VEVENT", "UID:" + uidPrefix + data.id + "-" + s.id + "-" + compact(day) + "@cs-playbook",
        "DTSTAMP:" + stamp, "DTSTART;VALUE=DATE:" + compact(day),
        "DTEND;VALUE=DATE:" + compact(day + DAY), "SUMMARY:" + escapeText(title),
        "DESCRIPTION:" + escapeText(description), "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(function (l) { return fold(l) + "\r\n"; }).join("");
  }
  // Titles and names escaped as schedule.markdown() does, with the one inline() of fill.
  function markdown(data, anchor, lang, options) {
    var inline = window.cspMarkdownText.inline;  // markdown-text.js, loaded before this file
    var title = inline(forCustomer(data.title[lang], options.customer, options.pattern));
    var lines = ["# " + title, "", options.anchorLabel + ": " + iso(anchor), ""];
    data.steps.forEach(function (s) {
      lines.push("- [ ] " + iso(dayOf(anchor, s, options.weekdaysOnly, data)) + " — " + inline(s.title[lang]) + " (" +
        inline(s.owner[lang]) + " / " + inline(s.channel[lang]) + ")");
    });
    return lines.join("\n") + "\n";
  }
  // The date of each step also goes into the steps table and under each step's heading,
  // so a printed playbook carries the dates.
  function markSteps(data, anchor, weekdaysOnly) {
    data.steps.forEach(function (s) {
      var text = anchor === null ? "" : iso(dayOf(anchor, s, weekdaysOnly, data));
      var targets = document.querySelectorAll(
        ".md-typeset table a[href='#" + s.id + "'], .md-typeset [id='" + s.id + "']");
      for (var i = 0; i < targets.length; i++) {
        var host = targets[i].tagName === "A" ? targets[i].closest("tr").cells[0] : targets[i];
        /** @type {HTMLElement | null} */
        var mark = host.querySelector(".csp-step-date");
        if (!mark) {
          mark = document.createElement("span");
          mark.className = "csp-step-date";
          host.insertBefore(mark, host.firstChild);
        }
        mark.textContent = text;
        mark.hidden = text === "";
      }
    });
  }
  function setUp(box) {
    var data = JSON.parse(box.querySelector("script[type='application/json']").textContent);
    var lang = document.documentElement.lang === "en" ? "en" : "ja";
    var input = box.querySelector("input[name=anchor]");
    var customerInput = box.querySelector("input[name=customer]");
    var weekdaysInput = box.querySelector("input[name=weekdays]");
    var list = box.querySelector(".csp-schedule__list");
    var icsLink = box.querySelector(".csp-schedule__ics");
    var mdLink = box.querySelector(".csp-schedule__md");
    var invalid = box.querySelector(".csp-schedule__invalid");
    var urls = [];
    function update() {
      urls.forEach(function (u) { URL.revokeObjectURL(u); }); urls = [];
      list.textContent = "";
      icsLink.hidden = mdLink.hidden = true;
      var options = {
        customer: customerInput ? squeeze(customerInput.value) : "",
        weekdaysOnly: weekdaysInput ? weekdaysInput.checked : false,
        pattern: box.getAttribute("data-customer-title") || "{customer}: {title}",
        // The anchor event's name is escaped as schedule.markdown() escapes it.
        anchorLabel: (box.getAttribute("data-anchor-label") || "").split("{anchor}")
          .join(window.cspMarkdownText.inline(box.getAttribute("data-anchor-name") || ""))
      };
      var anchor = parseAnchor(input.value, data, options.weekdaysOnly);
      invalid.hidden = anchor !== null || input.value === "";
      markSteps(data, anchor, options.weekdaysOnly);
      if (anchor === null) return;
      data.steps.forEach(function (s) {
        var item = document.createElement("li");
        item.textContent = iso(dayOf(anchor, s, options.weekdaysOnly, data)) + " — " +
          forCustomer(s.title[lang], options.customer, options.pattern);
        list.appendChild(item);
      });
      var icsUrl = URL.createObjectURL(new Blob([ics(data, anchor, lang, options)], { type: "text/calendar" }));
      var mdUrl = URL.createObjectURL(new Blob([markdown(data, anchor, lang, options)], { type: "text/markdown" }));
      urls.push(icsUrl, mdUrl);
      icsLink.href = icsUrl; mdLink.href = mdUrl;
      icsLink.download = fileName(data.id, options.customer, "ics");
      mdLink.download = fileName(data.id, options.customer, "md");
      icsLink.hidden = mdLink.hidden = false;
    }
    box.addEventListener("input", update);
    box.addEventListener("change", update);
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
