/*
 * One line of literal text in Markdown, escaped exactly as generator/fill.py inline() does.
 * Shared by the template forms (fill.js) and the schedule checklist (calculators.js), as the
 * command line shares inline() between `cs-playbook fill` and `cs-playbook schedule`.
 */
(function () {
  "use strict";
  // Python's str.split() and str.splitlines() character sets (JS \s differs slightly).
  /* eslint-disable no-control-regex -- Python counts these separators as spaces and breaks */
  var SPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  var LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;
  /* eslint-enable no-control-regex */
  var LEADING_MARK = /^([-+=~]|\d+(?=[.)]))/;

  function inline(text) {
    var line = String(text).split(SPACE).filter(Boolean).join(" ").replace(/([\\`*_[\]|<>#])/g, "\\$1");
    var match = LEADING_MARK.exec(line);
    if (!match) return line;
    if (/^\d/.test(match[1])) return line.slice(0, match[0].length) + "\\" + line.slice(match[0].length);
    return "\\" + line;
  }

  window.cspMarkdownText = { inline: inline, SPACE: SPACE, LINE_BREAK: LINE_BREAK };
})();
