// @ts-check
/*
 * CS Playbook search normalisation, the browser's twin of generator/search_text.py: the same
 * rules (search/rules.json, written by the build from frameworks/site/search.yaml) applied
 * the same way to what a reader types as the build applied to the pages. A unit test runs
 * both on the same strings and compares. Query words become suffix terms (one per Japanese run,
 * see search_text.py) and, for what those miss, character pairs.
 */
  var PREFIX = "zq";
  var SUFFIX_PREFIX = "zr";
  var SUFFIX_CHARS = 8;
  var WORD_PREFIX = "zl";
  var NIBBLES = "abcdefghijklmnop";
  var JAPANESE = "\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006";
  var RUN = new RegExp("[" + JAPANESE + "]+", "g");
  var LATIN_WORD = /[a-z0-9]+/g;
  var WORD_BREAK = new RegExp("[^a-z0-9/" + JAPANESE + "]+");
  var SMALL = "ァィゥェォッャュョヮヵヶ";
  var LARGE = "アイウエオツヤユヨワカケ";
  var PARTICLES = /(?<=[^\s\u3041-\u3096])[のをとにでがはへもや]{1,2}(?=[^\s\u3041-\u3096])/g;

  /** @param {string} text */
  function baseForm(text) {
    var out = "";
    var lowered = text.normalize("NFKC").toLowerCase();
    for (var i = 0; i < lowered.length; i++) {
      var c = lowered.charAt(i);
      var code = lowered.charCodeAt(i);
      if (code >= 0x3041 && code <= 0x3096) c = String.fromCharCode(code + 0x60);
      var small = SMALL.indexOf(c);
      if (small >= 0) c = LARGE.charAt(small);
      if (c !== "\u30fc" && c !== "\u30fb") out += c;
    }
    return out;
  }

  /**
   * @param {string} chars
   * @param {string} [prefix]
   */
  function encode(chars, prefix) {
    var out = prefix || PREFIX;
    for (var i = 0; i < chars.length; i++) {
      var code = chars.charCodeAt(i);
      for (var shift = 12; shift >= 0; shift -= 4) out += NIBBLES.charAt((code >> shift) & 15);
    }
    return out;
  }

  /**
   * @param {string} text
   * @param {boolean} withLast
   */
  function runTokens(text, withLast) {
    /** @type {string[]} */
    var out = [];
    /** @param {string} t */
    function add(t) {
      if (out.indexOf(t) < 0) out.push(t);
    }
    var runs = text.match(RUN) || [];
    for (var r = 0; r < runs.length; r++) {
      var run = runs[r];
      if (run.length === 1) {
        add(encode(run));
        continue;
      }
      for (var i = 0; i + 1 < run.length; i++) add(encode(run.slice(i, i + 2)));
      if (withLast) add(encode(run.charAt(run.length - 1)));
    }
    return out;
  }

  // Pieces of `width` characters, side by side and the last one flush with the run's end, that
  // together cover every Japanese run (a shorter run whole).
  /**
   * @param {string} text
   * @param {number} width
   * @param {string} prefix
   */
  function covering(text, width, prefix) {
    /** @type {string[]} */
    var out = [];
    var runs = text.match(RUN) || [];
    for (var r = 0; r < runs.length; r++) {
      var run = runs[r];
      var starts = [];
      for (var i = 0; i <= Math.max(run.length - width, 0); i += width) starts.push(i);
      if (starts[starts.length - 1] + width < run.length) starts.push(run.length - width);
      for (var k = 0; k < starts.length; k++) {
        var token = encode(run.slice(starts[k], starts[k] + width), prefix);
        if (out.indexOf(token) < 0) out.push(token);
      }
    }
    return out;
  }

  // Pairs that together cover every Japanese run (every second pair, and the last one).
  /** @param {string} text */
  function coverTokens(text) {
    return covering(text, 2, PREFIX);
  }

  // Each Japanese run whole as the start of a suffix token, or in pieces of SUFFIX_CHARS.
  /** @param {string} text */
  function wordTokens(text) {
    return covering(text, SUFFIX_CHARS, SUFFIX_PREFIX);
  }

  /** @param {string} source */
  function compiled(source) {
    return source ? new RegExp(source, "g") : null;
  }

  /**
   * @param {RegExp | null} pattern
   * @param {string} text
   */
  function cut(pattern, text) {
    if (!pattern) return text;
    var rest = text.replace(pattern, " ");
    return rest.trim() ? rest : text;
  }

  /**
   * @param {{forms: Object<string, string[]>, fold_latin: string, fold_other: string,
   *   phrasings_suffix: string, phrasings_word: string}} rules
   */
  function Normalizer(rules) {
    /** @type {Object<string, string>} every form, the canonical words included -> canonical */
    this.table = {};
    for (var canonical in rules.forms) {
      this.table[canonical] = canonical;
      for (var f = 0; f < rules.forms[canonical].length; f++) this.table[rules.forms[canonical][f]] = canonical;
    }
    this.foldLatin = compiled(rules.fold_latin);
    this.foldOther = compiled(rules.fold_other);
    this.phrasingsSuffix = compiled(rules.phrasings_suffix);
    this.phrasingsWord = compiled(rules.phrasings_word);
  }

  /** @param {string} text */
  Normalizer.prototype.fold = function (text) {
    var table = this.table;
    /** @param {string} _m @param {string} form */
    function canonical(_m, form) {
      return table[form];
    }
    if (this.foldLatin) text = text.replace(this.foldLatin, canonical);
    if (this.foldOther) text = text.replace(this.foldOther, canonical);
    return text;
  };

  /** @param {string} text */
  Normalizer.prototype.normalize = function (text) {
    return this.fold(baseForm(text));
  };

  /** @param {string} query */
  Normalizer.prototype.queryWords = function (query) {
    var text = query.normalize("NFKC").toLowerCase();
    text = cut(this.phrasingsSuffix, text).replace(PARTICLES, " ");
    text = cut(this.phrasingsWord, this.normalize(text));
    return text.split(WORD_BREAK).filter(Boolean);
  };

  /** @param {string} word */
  Normalizer.prototype.queryTokens = function (word) {
    var latin = (word.match(LATIN_WORD) || []).map(function (w) { return WORD_PREFIX + w; });
    return wordTokens(word).concat(latin);
  };

  /** @param {string} word */
  Normalizer.prototype.pairTokens = function (word) {
    return coverTokens(word).concat(word.match(LATIN_WORD) || []);
  };

export { baseForm, encode, runTokens, Normalizer };
