/*
 * CS Playbook: Japanese-aware search around Material's search worker.
 *
 * Installed at the URL of Material's worker; Material's own worker is loaded below with
 * importScripts. A listener registered first rewrites each message in place:
 *  - SETUP (0): remembers the spelling variants and the word separator of the index;
 *  - QUERY (2): normalises the query exactly like generator/search_index.py does for the
 *    text, and turns every run of Japanese characters into required bigram terms that
 *    match the hidden ngt/ngx fields of the index; Latin letters typed onto Japanese
 *    (QBR資料) are required too, and an English plural is looked up by its singular;
 *  - RESULT (3): drops the index's own terms from the words a result is said to lack.
 * When that strict query finds nothing, the next one is tried: Japanese words typed apart
 * are first tried as one word (ヘルス スコア), and last every term becomes optional (English
 * words cut to their stem), so an over-specific query such as 成功計画書 or "escalations"
 * still shows the closest pages, best match first.
 * No request is made; nothing leaves the page.
 */
(function () {
  "use strict";
  var PREFIX = "\u0436";
  var NIBBLES = "abcdefghijklmnop";
  var RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006]+/g;
  var JAPANESE = /^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006]$/;
  var HAS_JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006]/;
  var HIRAGANA = /[\u3041-\u3096]/g;
  var TRAILING_LONG_VOWEL = /(?<=[\u30a0-\u30ff]{3})\u30fc(?![\u30a0-\u30ff])/g;
  var STOP_WORDS = ["the", "and", "for", "with", "what", "how", "are", "our", "you", "your", "not",
    "but", "can", "per", "its", "from", "into", "when", "who", "why", "does"];
  var table = null;
  var pattern = null;
  var separator = /\s+/;
  // The relaxed form of every query Material is working on, in the order it answers them.
  var pending = [];
  // The word a reader typed behind each prefix term of the latest query ("healt*" -> "health").
  var typedAs = {};
  var relaying = false;

  function setUp(config) {
    var extra = config.cs_playbook;
    var variants = (extra && extra.variants) || [];
    table = {};
    var forms = [];
    for (var i = 0; i < variants.length; i++) {
      table[variants[i][0]] = variants[i][1];
      forms.push(variants[i][0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    }
    pattern = forms.length ? new RegExp(forms.join("|"), "g") : null;
    if (config.separator) separator = new RegExp(config.separator);
  }

  function baseForm(text) {
    return text.normalize("NFKC").toLowerCase().replace(HIRAGANA, function (c) {
      return String.fromCharCode(c.charCodeAt(0) + 0x60);
    });
  }

  function normalize(text) {
    text = baseForm(text);
    if (pattern) text = text.replace(pattern, function (m) { return table[m]; });
    return text.replace(TRAILING_LONG_VOWEL, "");
  }

  // Code points spelled as letters a-p (never digits: see encode() in search_index.py).
  function encode(chars) {
    var out = PREFIX;
    for (var i = 0; i < chars.length; i++) {
      var code = chars.charCodeAt(i);
      for (var shift = 12; shift >= 0; shift -= 4) out += NIBBLES.charAt((code >> shift) & 15);
    }
    return out;
  }

  // A trailing * keeps Lunr's query pipeline (its stemmer) away from the tokens; a bigram
  // token is never a prefix of another one, so it still matches only itself.
  function grams(run) {
    if (run.length === 1) return [encode(run) + "*"];
    var out = [];
    for (var i = 0; i + 1 < run.length; i++) out.push(encode(run.slice(i, i + 2)) + "*");
    return out;
  }

  function stem(word) {
    return word.length > 5 ? word.slice(0, Math.max(5, word.length - 3)) : word;
  }

  // The queries to try in turn, most precise first; Material shows the first that finds
  // anything. Words written apart that are one word in the text (ヘルス スコア) are tried
  // joined first, then as separate words, then with every term optional.
  function transform(query) {
    typedAs = {};
    var words = normalize(query).split(separator).filter(Boolean);
    var joined = [];
    for (var w = 0; w < words.length; w++) {
      var last = joined[joined.length - 1];
      var word = words[w];
      if (last && JAPANESE.test(last.charAt(last.length - 1)) && JAPANESE.test(word.charAt(0))) {
        joined[joined.length - 1] = last + word;
      } else {
        joined.push(word);
      }
    }
    var tries = [];
    if (joined.length < words.length) tries.push(strictQuery(joined));
    tries.push(strictQuery(words));
    var relaxed = relaxedQuery(words);
    if (relaxed) tries.push(relaxed);
    return tries;
  }

  function strictQuery(words) {
    var parts = [];
    var several = words.length > 1;
    for (var w = 0; w < words.length; w++) {
      var word = words[w];
      var runs = word.match(RUN);
      if (!runs) {
        // Several words: every word must match (what people expect from a search box), as a
        // prefix; short words and stop words stay optional so they never empty the result.
        // A plural is looked up by its singular as a prefix, which finds both (QBRs).
        var singular = singularPrefix(word);
        if (singular) parts.push((several ? "+" : "") + typed(singular + "*", word));
        else parts.push(several && counts(word) ? "+" + typed(word + "*", word) : word);
        continue;
      }
      for (var r = 0; r < runs.length; r++) {
        var terms = grams(runs[r]);
        for (var t = 0; t < terms.length; t++) parts.push("+" + terms[t]);
      }
      // Latin letters typed onto Japanese (QBR資料, NPSアンケート) must match too.
      var latin = latinParts(word);
      for (var l = 0; l < latin.length; l++) parts.push("+" + latin[l] + "*");
      parts.push(word); // optional: lets Material highlight the words it can find
    }
    return parts.join(" ");
  }

  function relaxedQuery(words) {
    var parts = [];
    for (var w = 0; w < words.length; w++) {
      var word = words[w];
      var runs = word.match(RUN);
      if (!runs) {
        if (counts(word)) parts.push(typed((singularPrefix(word) || stem(word)) + "*", word));
        continue;
      }
      for (var r = 0; r < runs.length; r++) parts = parts.concat(grams(runs[r]));
      var latin = latinParts(word);
      for (var l = 0; l < latin.length; l++) parts.push(latin[l] + "*");
      parts.push(word);
    }
    return parts.length ? parts.join(" ") : null;
  }

  // The singular of an English plural, to be searched as a prefix: "qbrs" -> "qbr",
  // "renewals" -> "renewal", "strategies" -> "strateg". Null when the word is no plural
  // ("business", "status", "analysis") or too short to tell.
  function singularPrefix(word) {
    if (!/^[a-z][a-z0-9]*[a-z]$/.test(word) || word.length < 4 || !counts(word)) return null;
    if (word.length >= 7 && /ies$/.test(word)) return word.slice(0, -3);
    if (/s$/.test(word) && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return null;
  }

  // The parts of a word that are not Japanese and long enough to search for on their own.
  function latinParts(word) {
    return word.split(RUN).filter(function (part) {
      return /^[a-z0-9]+$/.test(part) && counts(part);
    });
  }

  function counts(word) {
    return word.length > 2 && STOP_WORDS.indexOf(word) < 0;
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message || relaying) return;
    if (message.type === 0 && message.data && message.data.config) {
      setUp(message.data.config);
    } else if (message.type === 2 && typeof message.data === "string") {
      var tries = transform(message.data);
      message.data = tries.shift();
      pending.push(tries);
    }
  });

  function typed(term, word) {
    typedAs[term] = word;
    return term;
  }

  // Material lists the query terms a result lacks ("not in this result"). Our own terms are
  // no words a reader typed: bigram tokens, and Japanese words kept only for highlighting
  // (in their folded form, e.g. 重ミ), are left out of that list; a prefix term is shown as
  // the word that was typed (health, not healt*).
  function dropHelperTerms(items) {
    for (var g = 0; g < items.length; g++) {
      var group = items[g] || [];
      for (var i = 0; i < group.length; i++) {
        var terms = group[i] && group[i].terms;
        if (!terms) continue;
        for (var term in terms) {
          if (terms[term]) continue;
          if (term.charAt(0) === PREFIX || HAS_JAPANESE.test(term)) {
            delete terms[term];
          } else if (typedAs.hasOwnProperty(term) && typedAs[term] !== term) {
            terms[typedAs[term]] = false;
            delete terms[term];
          }
        }
      }
    }
  }

  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === 3) {
      var tries = pending.shift() || [];
      var items = message.data && message.data.items;
      if (items) dropHelperTerms(items);
      if (tries.length && items && items.length === 0) {
        var next = tries.shift();
        // Material answers this one next, before any query still waiting.
        pending.unshift(tries);
        relaying = true;
        try {
          self.dispatchEvent(new MessageEvent("message", { data: { type: 2, data: next } }));
        } finally {
          relaying = false;
        }
        return;
      }
    }
    post(message);
  };
})();
importScripts("{{ material_worker }}");
