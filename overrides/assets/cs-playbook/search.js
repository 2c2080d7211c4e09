// @ts-check
/*
 * CS Playbook site search: the header's search box on Pagefind's index of this language's site
 * (built by generator/search_site.py; nothing is requested outside the site).
 *
 * The index may come in parts (search/parts.json), all searched together. A query is normalised
 * with the site's rules (search-text.js) into the tokens the pages were indexed with; all its
 * words are searched together, each word as one term over titles and headings; when that finds
 * few pages, by character pairs over every text, then each word on its own (a word of a long
 * question that no page has does not hide the pages that have the rest). A word that finds
 * nothing is replaced by the closest word of the site's vocabulary and shown as "did you mean". Pages whose title holds every word come first (the page whose title
 * is the query first of all, then the one other pages link to most); overview pages go after the
 * pages they list. Each result is an element with `data-search-result`, holding its
 * link, its kind and the passage that matched; the opened page highlights the query (?h=).
 * Performance marks (cs-search:ready, :found, :shown) time each query (benchmarks/search_timeline.py).
 * Keys: "/" or "s" focuses the box, arrows move, Enter opens, Escape closes.
 * The words shown come from the page (data-* attributes rendered from the label files).
 */
import * as Text from "./search-text.js";

export function startSearch() {
  var MAX_RESULTS = 8;
  var FEW = 5;
  var SENTINEL = "zqzz";
  var OVERVIEW_FACTOR = 0.1;
  var TITLE_FACTOR = 10;
  var EXACT_FACTOR = 5;
  var LINKS_FACTOR = 0.4;
  // How much Pagefind favours short pages (its default 0.75): a template would otherwise
  // outrank the framework it serves, whose title and headings hold the same words.
  var PAGE_LENGTH = 0.25;

  var box = /** @type {HTMLElement | null} */ (document.querySelector("[data-cs-search]"));
  if (!box) return;
  var root = /** @type {HTMLElement} */ (box);
  var input = /** @type {HTMLInputElement} */ (root.querySelector(".cs-search__input"));
  var panel = /** @type {HTMLElement} */ (root.querySelector(".cs-search__panel"));
  var hint = /** @type {HTMLElement} */ (root.querySelector(".cs-search__hint"));
  var list = /** @type {HTMLElement} */ (root.querySelector(".cs-search__results"));
  var overviewKind = root.getAttribute("data-overview") || "";

  /** @param {string} name */
  function resolved(name) {
    return new URL(root.getAttribute(name) || "", document.baseURI).href;
  }

  /** @type {Promise<any> | null} */
  var ready = null;
  var sequence = 0;
  var active = -1;

  // Pagefind with every part of the index, the rules and the normaliser, loaded on first use
  // (focus or first key). A large site's index comes in parts, searched together.
  function load() {
    if (ready) return ready;
    var siteRoot = new URL(resolved("data-root")).pathname;
    var partsFile = resolved("data-parts");
    ready = Promise.all([
      import(resolved("data-pagefind")),
      fetch(resolved("data-rules")).then(function (r) { return r.json(); }),
      fetch(partsFile).then(function (r) { return r.ok ? r.json() : []; }, function () { return []; }),
    ]).then(function (loaded) {
      var pagefind = loaded[0];
      /** @type {string[]} */
      var parts = loaded[2];
      var options = { baseUrl: siteRoot, ranking: { pageLength: PAGE_LENGTH } };
      return Promise.resolve(pagefind.options(options)).then(function () {
        pagefind.init();
        return Promise.all(parts.map(function (part) {
          return pagefind.mergeIndex(new URL(part, partsFile).pathname, options);
        }));
      }).then(function () {
        return { pagefind: pagefind, normalizer: new Text.Normalizer(loaded[1]) };
      });
    });
    return ready;
  }

  /** @type {Object<string, Promise<string[]>>} */
  var chunks = {};

  // The site's words that start with the word's first character (one small file each).
  /** @param {string} word */
  function vocabularyOf(word) {
    var code = word.charCodeAt(0).toString(16);
    while (code.length < 4) code = "0" + code;
    if (!chunks[code]) {
      chunks[code] = fetch(resolved("data-vocab") + code + ".json").then(function (r) {
        return r.ok ? r.json() : [];
      }, function () { return []; });
    }
    return chunks[code];
  }

  // Edits (insert, delete, replace, swap two neighbours) between two words.
  /**
   * @param {string} a
   * @param {string} b
   */
  function distance(a, b) {
    /** @type {number[]} */
    var before = [];
    /** @type {number[]} */
    var prev = [];
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      var cur = [i];
      for (var k = 1; k <= b.length; k++) {
        var cost = a.charAt(i - 1) === b.charAt(k - 1) ? 0 : 1;
        var best = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + cost);
        if (i > 1 && k > 1 && a.charAt(i - 1) === b.charAt(k - 2) && a.charAt(i - 2) === b.charAt(k - 1)) {
          best = Math.min(best, before[k - 2] + 1);
        }
        cur.push(best);
      }
      before = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  /** @param {string} word */
  function checkable(word) {
    return (/^[a-z]+$/.test(word) && word.length >= 4) || (/^[\u30a1-\u30fa]+$/.test(word) && word.length >= 3);
  }

  // The closest word of the site to a word the site does not have, or null when it has it
  // (as such, as the start of a longer word, or as its singular).
  /**
   * @param {string} word
   * @param {string[]} words
   */
  function closest(word, words) {
    for (var w = 0; w < words.length; w++) {
      var known = words[w];
      if (known.indexOf(word) === 0 || word === known + "s" || word === known + "es") return null;
    }
    var limit = word.length >= 7 ? 2 : 1;
    var best = null;
    var bestCost = limit + 1;
    for (var i = 0; i < words.length; i++) {
      var candidate = words[i];
      if (Math.abs(candidate.length - word.length) > limit) continue;
      var cost = distance(word, candidate);
      if (cost < bestCost) {
        best = candidate;
        bestCost = cost;
      }
    }
    return best;
  }

  // The query's words with each one the site does not have replaced by its closest word.
  /** @param {string[]} words */
  function corrected(words) {
    return Promise.all(words.map(function (word) {
      if (!checkable(word)) return word;
      return vocabularyOf(word).then(function (known) { return closest(word, known) || word; });
    }));
  }

  /**
   * @param {any} engine
   * @param {string[]} words
   * @param {boolean} [pairs] character pairs instead of whole words
   */
  function tokensOf(engine, words, pairs) {
    var out = [];
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      out = out.concat(pairs ? engine.normalizer.pairTokens(w) : engine.normalizer.queryTokens(w));
    }
    return out;
  }

  /**
   * @param {any} engine
   * @param {string[]} tokens
   * @returns {Promise<any[]>}
   */
  function find(engine, tokens) {
    if (!tokens.length) return Promise.resolve([]);
    return engine.pagefind.search(tokens.join(" ")).then(function (/** @type {any} */ found) {
      return (found && found.results) || [];
    });
  }

  // A word cut where its script changes (キックオフ資料 -> キックオフ, 資料).
  /** @param {string} word */
  function pieces(word) {
    return word.match(/[\u30a0-\u30ff]+|[\u3400-\u9fff\uf900-\ufaff\u3005\u3006]+|[a-z0-9/]+/g) || [word];
  }

  /**
   * Pages found by any of the searches, best summed score first; pages of the first search
   * (the most precise) keep their lead.
   * @param {any[]} first
   * @param {any[][]} others
   */
  function merge(first, others) {
    /** @type {Object<string, any>} */
    var byId = {};
    var merged = first.map(function (r) {
      var item = { id: r.id, score: r.score * 10, data: r.data };
      byId[r.id] = item;
      return item;
    });
    others.forEach(function (found) {
      found.forEach(function (/** @type {any} */ r) {
        var item = byId[r.id];
        if (!item) {
          item = { id: r.id, score: 0, data: r.data };
          byId[r.id] = item;
          merged.push(item);
        }
        item.score += r.score;
      });
    });
    return merged.sort(function (a, b) { return b.score - a.score; });
  }

  // All words together first, each word one term (titles and headings); with few
  // pages found, the words by character pairs (every text: a word only in a page's text,
  // written in hiragana, or misspelt); then each word (cut where its script changes) on its
  // own; with none, each character pair on its own.
  /**
   * @param {any} engine
   * @param {string[]} words
   */
  function gather(engine, words) {
    return find(engine, tokensOf(engine, words)).then(function (results) {
      if (results.length >= FEW) return results;
      return find(engine, tokensOf(engine, words, true)).then(function (byPairs) {
        return merge(results, [byPairs]);
      });
    }).then(function (results) {
      var parts = [].concat.apply([], words.map(pieces));
      if (results.length >= FEW || parts.length < 2) return results;
      return Promise.all(parts.map(function (w) { return find(engine, tokensOf(engine, [w], true)); }))
        .then(function (each) { return merge(results, each); });
    }).then(function (results) {
      var tokens = tokensOf(engine, words, true);
      if (results.length || tokens.length < 2) return results;
      return Promise.all(tokens.slice(0, 8).map(function (t) { return find(engine, [t]); }))
        .then(function (each) { return merge([], each); });
    });
  }

  /** @param {string} query */
  function search(query) {
    var mine = ++sequence;
    return load().then(function (engine) {
      performance.mark("cs-search:ready");
      var words = engine.normalizer.queryWords(query);
      if (!words.length) return null;
      return Promise.all([gather(engine, words), corrected(words)]).then(function (both) {
        performance.mark("cs-search:found");
        var fixed = both[1];
        var same = fixed.join(" ") === words.join(" ");
        var plain = { engine: engine, words: words, results: both[0], suggestion: null };
        if (same) return plain;
        return gather(engine, fixed).then(function (again) {
          if (!again.length) return plain;
          return { engine: engine, words: fixed, results: again, suggestion: fixed.join(" ") };
        });
      });
    }).then(function (outcome) {
      if (mine !== sequence) return null;
      if (!outcome) {
        render([], null, []);
        return null;
      }
      // One more than shown, which the ranking below may lift (each is a request of a few KB).
      var top = outcome.results.slice(0, MAX_RESULTS + 1);
      return Promise.all(top.map(function (/** @type {any} */ r) { return r.data(); })).then(function (pages) {
        if (mine !== sequence) return null;
        var ranked = rank(outcome.engine, outcome.words, top, pages);
        render(ranked.slice(0, MAX_RESULTS), outcome.suggestion, forms(outcome.engine, outcome.words));
        performance.mark("cs-search:shown");
        return null;
      });
    });
  }

  /**
   * @param {any} engine
   * @param {string[]} words
   * @param {any[]} results
   * @param {any[]} pages
   */
  function rank(engine, words, results, pages) {
    var scored = pages.map(function (page, i) {
      var meta = page.meta || {};
      // The title as the build normalised it, with its kind ("QBR template", 解約 プレイブック).
      var title = meta.keys || engine.normalizer.normalize((meta.title || "") + " " + (meta.kind || ""));
      // A title that holds the words comes first, the more of it they make up the better.
      var found = words.filter(function (w) { return title.indexOf(w) >= 0; });
      var plainTitle = engine.normalizer.normalize(meta.title || "").replace(/[\s()（）]/g, "");
      var covered = found.join("").length / Math.max(plainTitle.length, 1);
      var share = found.length / words.length;
      var factor = 1 + TITLE_FACTOR * share * share * (0.3 + 0.7 * Math.pow(Math.min(covered, 1), 2));
      // The query is the title (or its name in brackets, as an abbreviation): that page first.
      var names = engine.normalizer.normalize(meta.title || "").split(/[()（）]/).map(function (/** @type {string} */ n) {
        return n.replace(/\s/g, "");
      });
      if (names.indexOf(words.join("")) >= 0) factor *= EXACT_FACTOR;
      // Of the pages whose titles hold the words, the one the handbook links to most is the
      // page about them (links to a page whose title lacks them say nothing about the words).
      factor *= 1 + LINKS_FACTOR * share * Math.log(1 + (Number(meta.links) || 0));
      // An overview lists the pages about a word; they come before it.
      if (meta.kind === overviewKind) factor = OVERVIEW_FACTOR;
      return { page: page, score: results[i].score * factor, order: i };
    });
    scored.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return scored.map(function (s) { return s.page; });
  }

  // Everything that the words may be written as on a page: the word and its listed forms.
  /**
   * @param {any} engine
   * @param {string[]} words
   */
  function forms(engine, words) {
    var table = engine.normalizer.table;
    var out = words.slice();
    for (var form in table) {
      if (words.indexOf(table[form]) >= 0 && out.indexOf(form) < 0) out.push(form);
    }
    return out.filter(function (f) { return f.length > 1 || /[^ -~]/.test(f); });
  }

  /**
   * Text in base form with, for each of its characters, the index of the original character.
   * @param {string} text
   */
  function mapped(text) {
    var out = "";
    /** @type {number[]} */
    var origin = [];
    for (var i = 0; i < text.length; i++) {
      var b = Text.baseForm(text.charAt(i));
      for (var k = 0; k < b.length; k++) origin.push(i);
      out += b;
    }
    origin.push(text.length);
    return { text: out, origin: origin };
  }

  // [start, end) ranges of the original text where one of the forms occurs.
  /**
   * @param {string} text
   * @param {string[]} wanted
   */
  function ranges(text, wanted) {
    var m = mapped(text);
    /** @type {number[][]} */
    var out = [];
    wanted.forEach(function (form) {
      var from = 0;
      var at;
      while (form && (at = m.text.indexOf(form, from)) >= 0) {
        out.push([m.origin[at], m.origin[at + form.length - 1] + 1]);
        from = at + form.length;
      }
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    /** @type {number[][]} */
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
    });
    return merged;
  }

  /**
   * @param {HTMLElement} parent
   * @param {string} text
   * @param {number[][]} spans
   */
  function appendMarked(parent, text, spans) {
    var at = 0;
    spans.forEach(function (r) {
      parent.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      parent.appendChild(mark);
      at = r[1];
    });
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  // The first sentence of the page that holds one of the forms (else the page's first).
  /**
   * @param {string} content
   * @param {string} title
   * @param {string[]} wanted
   */
  function passage(content, title, wanted) {
    var cut = content.indexOf(SENTINEL);
    var text = cut >= 0 ? content.slice(0, cut) : content;
    var sentences = text.split(/(?<=[。．！？!?])\s*|\n+|(?<=\.)\s+/);
    for (var i = 0; i < sentences.length; i++) {
      var s = sentences[i].trim();
      var onlyTitle = s.indexOf(title) === 0 && s.length <= title.length + 2;
      if (s && !onlyTitle && ranges(s, wanted).length) return s.length > 220 ? s.slice(0, 220) + "…" : s;
    }
    var first = text.trim();
    return first.length > 160 ? first.slice(0, 160) + "…" : first;
  }

  /**
   * @param {any[]} pages
   * @param {string | null} suggestion
   * @param {string[]} wanted
   */
  function render(pages, suggestion, wanted) {
    list.textContent = "";
    active = -1;
    var query = input.value.trim();
    if (!query) {
      close();
      return;
    }
    hint.hidden = true;
    if (suggestion) {
      hint.textContent = (root.getAttribute("data-did-you-mean") || "") + " " + suggestion;
      hint.hidden = false;
    } else if (!pages.length) {
      hint.textContent = root.getAttribute("data-none") || "";
      hint.hidden = false;
    }
    var highlight = encodeURIComponent(wanted.slice(0, 12).join(" "));
    pages.forEach(function (page, i) {
      var item = document.createElement("li");
      item.setAttribute("data-search-result", "");
      item.setAttribute("role", "option");
      item.id = "cs-search-result-" + i;
      var link = document.createElement("a");
      link.href = page.url + (page.url.indexOf("?") < 0 ? "?" : "&") + "h=" + highlight;
      var title = document.createElement("span");
      title.className = "cs-search__title";
      title.textContent = (page.meta && page.meta.title) || page.url;
      var kind = document.createElement("span");
      kind.className = "cs-search__kind";
      kind.textContent = (page.meta && page.meta.kind) || "";
      var text = document.createElement("span");
      text.className = "cs-search__passage";
      var p = passage(page.content || "", title.textContent || "", wanted);
      appendMarked(text, p, ranges(p, wanted));
      link.appendChild(kind);
      link.appendChild(title);
      link.appendChild(text);
      item.appendChild(link);
      list.appendChild(item);
    });
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  /** @param {number} step */
  function move(step) {
    var items = list.querySelectorAll("[data-search-result]");
    if (!items.length) return;
    if (active >= 0) items[active].classList.remove("cs-search__active");
    active = (active + step + items.length) % items.length;
    items[active].classList.add("cs-search__active");
    items[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function open() {
    var items = list.querySelectorAll("[data-search-result] a");
    var link = /** @type {HTMLAnchorElement | undefined} */ (items[active >= 0 ? active : 0]);
    if (link) window.location.href = link.href;
  }

  input.addEventListener("focus", function () {
    load();
    if (list.children.length || !hint.hidden) panel.hidden = false;
  });
  input.addEventListener("input", function () {
    if (!input.value.trim()) {
      sequence++;
      list.textContent = "";
      close();
      return;
    }
    search(input.value);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      move(1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      move(-1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      open();
    } else if (event.key === "Escape") {
      close();
      input.blur();
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = /** @type {HTMLElement} */ (event.target);
    var typing = target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable);
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      input.focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (!root.contains(/** @type {Node} */ (event.target))) close();
  });

  // On a page opened from a result: mark the query's words in the article.
  function highlightPage() {
    var terms = new URLSearchParams(window.location.search).get("h");
    var article = document.querySelector("article");
    if (!terms || !article) return;
    var wanted = terms.split(/\s+/).filter(Boolean);
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    /** @type {Text[]} */
    var nodes = [];
    while (walker.nextNode()) nodes.push(/** @type {Text} */ (walker.currentNode));
    /** @type {HTMLElement | null} */
    var first = null;
    nodes.forEach(function (node) {
      var parent = node.parentElement;
      if (!parent || parent.closest("script, style, mark")) return;
      var text = node.data;
      var spans = ranges(text, wanted);
      if (!spans.length) return;
      var holder = document.createElement("span");
      appendMarked(holder, text, spans);
      holder.querySelectorAll("mark").forEach(function (m) { m.className = "cs-search-hit"; });
      if (!first) first = holder.querySelector("mark");
      parent.replaceChild(holder, node);
    });
    if (first) /** @type {HTMLElement} */ (first).scrollIntoView({ block: "center" });
  }
  highlightPage();
}
