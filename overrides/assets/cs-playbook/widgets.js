// @ts-check
/**
 * What every widget shares: the page's language, the JSON data block the build wrote into
 * its box, and starting one widget per box so that a box that fails (bad data, a missing
 * element) stops only itself. DOM-free apart from the `root` it is given.
 */

/**
 * The page's language as the build wrote it on <html lang>; the data blocks carry texts
 * keyed by it.
 * @param {Document} doc
 */
export function pageLang(doc = document) {
  return doc.documentElement.lang;
}

/**
 * The JSON the build wrote into the box (<script type="application/json">).
 * @param {ParentNode} box
 * @returns {any}
 */
export function readData(box) {
  const script = box.querySelector("script[type='application/json']");
  if (!script) throw new Error("no data block");
  return JSON.parse(script.textContent || "");
}

/**
 * Mark an input as faulty (or not) for assistive technology and the stylesheet.
 * @param {Element} input
 * @param {boolean} bad
 */
export function markField(input, bad) {
  if (bad) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

/**
 * Call `setUp` on each element matching `selector`; one that throws is reported to the
 * console and the others still start. Returns how many started.
 * @template {Element} T
 * @param {string} selector
 * @param {(box: T) => void} setUp
 * @param {ParentNode} root
 * @param {Pick<Console, "error">} log
 */
export function startEach(selector, setUp, root = document, log = console) {
  let started = 0;
  for (const box of /** @type {Iterable<T>} */ (root.querySelectorAll(selector))) {
    try {
      setUp(box);
      started += 1;
    } catch (error) {
      log.error("cs-playbook:", selector, error);
    }
  }
  return started;
}

/**
 * Run each start function; one that throws is reported and the ones after it still run.
 * @param {Record<string, () => unknown>} starters
 * @param {Pick<Console, "error">} log
 */
export function startAll(starters, log = console) {
  for (const [name, start] of Object.entries(starters)) {
    try {
      start();
    } catch (error) {
      log.error("cs-playbook:", name, error);
    }
  }
}
