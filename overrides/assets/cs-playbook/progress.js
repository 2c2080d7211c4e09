/*
 * CS Playbook: keep the ticks of a progress checklist in this browser (localStorage).
 * A page opts in with <div class="csp-progress" data-progress-key="…"
 * data-progress-format="{done} / {total}">. Without JavaScript the list stays a plain
 * checklist. Nothing is sent anywhere.
 */
(function () {
  "use strict";

  function storageKey(box) {
    return "cs-playbook:progress:" + box.getAttribute("data-progress-key");
  }

  function load(box) {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey(box)) || "{}");
    } catch {
      return {};
    }
  }

  function save(box, state) {
    try {
      window.localStorage.setItem(storageKey(box), JSON.stringify(state));
    } catch {
      /* storage full or disabled: the page still works, ticks are just not kept */
    }
  }

  /*
   * Each box is keyed by the section it sits in (the id of the heading above it) and its
   * place in that section, so adding an item to one stage keeps the ticks of the others.
   * Both language versions use the same ids, so ticks made in one show in the other.
   */
  function itemKeys(box) {
    var keys = [];
    var section = "_";
    var counts = {};
    var nodes = box.querySelectorAll("h2[id], input[type=checkbox]");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      if (node.tagName === "H2") {
        section = node.id;
        continue;
      }
      counts[section] = (counts[section] || 0) + 1;
      keys.push(section + ":" + counts[section]);
    }
    return keys;
  }

  function setUp(box) {
    var inputs = box.querySelectorAll("input[type=checkbox]");
    var keys = itemKeys(box);
    var status = box.querySelector(".csp-progress__status");
    var reset = box.querySelector(".csp-progress__reset");
    var format = box.getAttribute("data-progress-format") || "{done} / {total}";
    var state = load(box);

    function refresh() {
      var done = 0;
      for (var i = 0; i < inputs.length; i++) if (inputs[i].checked) done++;
      if (status) {
        status.textContent = format.replace("{done}", done).replace("{total}", inputs.length);
      }
    }

    for (var i = 0; i < inputs.length; i++) {
      (function (input, key) {
        input.disabled = false;
        input.checked = state[key] === true;
        input.addEventListener("change", function () {
          state[key] = input.checked;
          save(box, state);
          refresh();
        });
      })(inputs[i], keys[i]);
    }
    if (reset) {
      reset.hidden = false;
      reset.addEventListener("click", function () {
        state = {};
        save(box, state);
        for (var j = 0; j < inputs.length; j++) inputs[j].checked = false;
        refresh();
      });
    }
    refresh();
  }

  function init() {
    var boxes = document.querySelectorAll(".csp-progress[data-progress-key]");
    for (var i = 0; i < boxes.length; i++) setUp(boxes[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
