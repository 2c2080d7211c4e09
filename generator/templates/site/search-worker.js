/*
 * CS Playbook: Japanese-aware search around Material's search worker.
 *
 * Installed at the URL of Material's worker; Material's own worker is loaded below with
 * importScripts. A listener registered first rewrites each message in place:
 *  - SETUP (0): remembers the spelling variants the build wrote into the index config;
 *  - QUERY (2): normalises the query exactly like generator/search_index.py does for the
 *    text, and turns every run of Japanese characters into required bigram terms that
 *    match the hidden ngt/ngx fields of the index.
 * No request is made; nothing leaves the page.
 */
(function () {
  "use strict";
  var PREFIX = "\u0436";
  var NIBBLES = "abcdefghijklmnop";
  var RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006]+/g;
  var TRAILING_LONG_VOWEL = /(?<=[\u30a0-\u30ff]{3})\u30fc(?![\u30a0-\u30ff])/g;
  var STOP_WORDS = ["the", "and", "for", "with", "what", "how", "are", "our", "you", "your", "not",
    "but", "can", "per", "its", "from", "into", "when", "who", "why", "does"];
  var table = null;
  var pattern = null;

  function setVariants(variants) {
    table = {};
    var forms = [];
    for (var i = 0; i < variants.length; i++) {
      table[variants[i][0]] = variants[i][1];
      forms.push(variants[i][0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    }
    pattern = forms.length ? new RegExp(forms.join("|"), "g") : null;
  }

  function normalize(text) {
    text = text.normalize("NFKC").toLowerCase();
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

  function transform(query) {
    var parts = [];
    var words = normalize(query).split(/\s+/).filter(Boolean);
    var several = words.length > 1;
    for (var w = 0; w < words.length; w++) {
      var word = words[w];
      if (!word) continue;
      var runs = word.match(RUN);
      if (!runs) {
        // Several words: every word must match (what people expect from a search box), as a
        // prefix; short words and stop words stay optional so they never empty the result.
        parts.push(several && word.length > 2 && STOP_WORDS.indexOf(word) < 0 ? "+" + word + "*" : word);
        continue;
      }
      for (var r = 0; r < runs.length; r++) {
        var run = runs[r];
        // A trailing * keeps Lunr's query pipeline (its stemmer) away from the tokens; a
        // bigram token is never a prefix of another one, so it still matches only itself.
        if (run.length === 1) {
          parts.push("+" + encode(run) + "*");
        } else {
          for (var i = 0; i + 1 < run.length; i++) parts.push("+" + encode(run.slice(i, i + 2)) + "*");
        }
      }
      parts.push(word); // optional: lets Material highlight the words it can find
    }
    return parts.join(" ");
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === 0 && message.data && message.data.config) {
      var extra = message.data.config.cs_playbook;
      setVariants((extra && extra.variants) || []);
    } else if (message.type === 2 && typeof message.data === "string") {
      message.data = transform(message.data);
    }
  });
})();
importScripts("{{ material_worker }}");
