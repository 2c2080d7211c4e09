// @ts-check
/**
 * The filled Markdown shown formatted: elements with text nodes only (never innerHTML),
 * for the form's preview, the rich copy and the HTML download. Only what fill.py writes is
 * understood: headings, paragraphs, lists, pipe tables, backslash escapes and **bold**.
 */

/**
 * Backslash escapes and **bold**, as fill.py writes them; placeholders are marked.
 * @param {string} text
 * @param {Node} parent
 * @param {RegExp | null} placeholderPattern
 */
function inlineNodes(text, parent, placeholderPattern) {
  var plain = "", i = 0, strong = null;
  function flush() {
    if (!plain) return;
    var target = strong || parent;
    var parts = placeholderPattern ? plain.split(placeholderPattern) : [plain];
    parts.forEach(function (part, index) {
      if (!part) return;
      if (index % 2 === 1) {
        var mark = document.createElement("mark");
        mark.className = "csp-fill__missing";
        mark.textContent = part;
        target.appendChild(mark);
      } else target.appendChild(document.createTextNode(part));
    });
    plain = "";
  }
  while (i < text.length) {
    var char = text[i];
    if (char === "\\" && i + 1 < text.length) { plain += text[i + 1]; i += 2; continue; }
    if (char === "*" && text[i + 1] === "*") {
      flush();
      if (strong) { parent.appendChild(strong); strong = null; }
      else strong = document.createElement("strong");
      i += 2; continue;
    }
    plain += char; i++;
  }
  flush();
  if (strong) parent.appendChild(strong);
}
/** The cells of a pipe-table row. @param {string} line */
function cells(line) {
  var out = [], current = "", body = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  for (var i = 0; i < body.length; i++) {
    if (body[i] === "\\" && i + 1 < body.length) { current += body[i] + body[i + 1]; i++; continue; }
    if (body[i] === "|") { out.push(current.trim()); current = ""; continue; }
    current += body[i];
  }
  out.push(current.trim());
  return out;
}
/**
 * The Markdown as a fragment of elements.
 * @param {string} text
 * @param {RegExp | null} placeholderPattern
 */
export function renderMarkdown(text, placeholderPattern) {
  var root = document.createDocumentFragment();
  var lines = text.split("\n"), i = 0, paragraph = null, list = null;
  function close() { paragraph = null; list = null; }
  function add(tag, content) {
    var element = document.createElement(tag);
    inlineNodes(content, element, placeholderPattern);
    return element;
  }
  while (i < lines.length) {
    var line = lines[i];
    if (/^<!--/.test(line.trim())) {
      while (i < lines.length && lines[i].indexOf("-->") < 0) i++;
      i++; close(); continue;
    }
    var heading = /^(#{1,6})\s+(.*)$/.exec(line);
    var bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    var numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (!line.trim()) close();
    else if (heading) { close(); root.appendChild(add("h" + heading[1].length, heading[2])); }
    else if (/^\s*\|/.test(line)) {
      close();
      var table = document.createElement("table"), head = document.createElement("thead");
      var body = document.createElement("tbody"), first = true;
      for (; i < lines.length && /^\s*\|/.test(lines[i]); i++) {
        var row = cells(lines[i]);
        if (row.every(function (c) { return /^:?-{3,}:?$/.test(c); })) continue;
        var tr = document.createElement("tr");
        row.forEach(function (c) { tr.appendChild(add(first ? "th" : "td", c)); });
        (first ? head : body).appendChild(tr);
        first = false;
      }
      table.appendChild(head); table.appendChild(body); root.appendChild(table);
      continue;
    } else if (bullet || numbered) {
      var tag = bullet ? "ul" : "ol";
      if (!list || list.tagName.toLowerCase() !== tag) {
        paragraph = null; list = document.createElement(tag); root.appendChild(list);
      }
      list.appendChild(add("li", (bullet || numbered)[1]));
    } else {
      list = null;
      if (paragraph) paragraph.appendChild(document.createElement("br"));
      else { paragraph = document.createElement("p"); root.appendChild(paragraph); }
      inlineNodes(line.trim(), paragraph, placeholderPattern);
    }
    i++;
  }
  return root;
}
/**
 * A standalone HTML file holding the rendered elements.
 * @param {string} title
 * @param {Node} body
 * @param {string} lang
 */
export function htmlDocument(title, body, lang) {
  var doc = document.implementation.createHTMLDocument(title);
  doc.documentElement.lang = lang;
  var meta = doc.createElement("meta");
  meta.setAttribute("charset", "utf-8");
  doc.head.insertBefore(meta, doc.head.firstChild);
  doc.body.appendChild(doc.importNode(body, true));
  return "<!doctype html>\n" + doc.documentElement.outerHTML + "\n";
}
