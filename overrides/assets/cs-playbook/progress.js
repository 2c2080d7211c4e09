// @ts-check
/*
 * CS Playbook: keep the ticks of a progress checklist in this browser (localStorage).
 * A page opts in with <div class="csp-progress" data-progress-key="…"
 * data-progress-format="{done} / {total}">. Without JavaScript the list stays a plain
 * checklist. Nothing is sent anywhere.
 */
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

/** @param {HTMLElement} box */
export function setUpProgress(box) {
  /** @type {NodeListOf<HTMLInputElement>} */
  var inputs = box.querySelectorAll("input[type=checkbox]");
  var keys = itemKeys(box);
  var status = box.querySelector(".csp-progress__status");
  var reset = /** @type {HTMLButtonElement | null} */ (box.querySelector(".csp-progress__reset"));
  var format = box.getAttribute("data-progress-format") || "{done} / {total}";
  var state = load(box);

  function refresh() {
    var done = 0;
    for (var i = 0; i < inputs.length; i++) if (inputs[i].checked) done++;
    if (status) {
      status.textContent = format.replace("{done}", String(done)).replace("{total}", String(inputs.length));
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
