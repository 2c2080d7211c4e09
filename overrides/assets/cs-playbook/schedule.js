// @ts-check
/** The schedule widget of a playbook page: dates, a checklist and downloads (calendar.js). */
import { dayOf, forCustomer, ics, iso, markdown, parseAnchor } from "./calendar.js";
import { fileName } from "./file-name.js";
import { inline, squeeze } from "./markdown-text.js";
import { pageLang, readData } from "./widgets.js";

/**
 * The date of each step also goes into the steps table and under each step's heading,
 * so a printed playbook carries the dates.
 * @param {import("./calendar.js").Playbook} data
 * @param {number | null} anchor
 * @param {boolean} weekdaysOnly
 */
function markSteps(data, anchor, weekdaysOnly) {
  for (const s of data.steps) {
    const text = anchor === null ? "" : iso(dayOf(anchor, s, weekdaysOnly, data));
    const targets = document.querySelectorAll(
      ".md-typeset table a[href='#" + s.id + "'], .md-typeset [id='" + s.id + "']");
    for (const target of targets) {
      const row = target.tagName === "A" ? target.closest("tr") : null;
      const host = row ? row.cells[0] : target;
      /** @type {HTMLElement | null} */
      let mark = host.querySelector(".csp-step-date");
      if (!mark) {
        mark = document.createElement("span");
        mark.className = "csp-step-date";
        host.insertBefore(mark, host.firstChild);
      }
      mark.textContent = text;
      mark.hidden = text === "";
    }
  }
}

/** @param {HTMLElement} box */
export function setUpSchedule(box) {
  const data = readData(box);
  const lang = pageLang();
  const input = /** @type {HTMLInputElement} */ (box.querySelector("input[name=anchor]"));
  const customerInput = /** @type {HTMLInputElement | null} */ (box.querySelector("input[name=customer]"));
  const weekdaysInput = /** @type {HTMLInputElement | null} */ (box.querySelector("input[name=weekdays]"));
  const list = /** @type {HTMLElement} */ (box.querySelector(".csp-schedule__list"));
  const icsLink = /** @type {HTMLAnchorElement} */ (box.querySelector(".csp-schedule__ics"));
  const mdLink = /** @type {HTMLAnchorElement} */ (box.querySelector(".csp-schedule__md"));
  const invalid = /** @type {HTMLElement} */ (box.querySelector(".csp-schedule__invalid"));
  /** @type {string[]} */
  let urls = [];
  function update() {
    urls.forEach((u) => URL.revokeObjectURL(u)); urls = [];
    list.textContent = "";
    icsLink.hidden = mdLink.hidden = true;
    const options = {
      customer: customerInput ? squeeze(customerInput.value) : "",
      weekdaysOnly: weekdaysInput ? weekdaysInput.checked : false,
      pattern: box.getAttribute("data-customer-title") || "{customer}: {title}",
      // The anchor event's name is escaped as schedule.markdown() escapes it.
      anchorLabel: (box.getAttribute("data-anchor-label") || "").split("{anchor}")
        .join(inline(box.getAttribute("data-anchor-name") || "")),
    };
    const anchor = parseAnchor(input.value, data, options.weekdaysOnly);
    invalid.hidden = anchor !== null || input.value === "";
    markSteps(data, anchor, options.weekdaysOnly);
    if (anchor === null) return;
    for (const s of data.steps) {
      const item = document.createElement("li");
      item.textContent = iso(dayOf(anchor, s, options.weekdaysOnly, data)) + " — " +
        forCustomer(s.title[lang], options.customer, options.pattern);
      list.appendChild(item);
    }
    const icsUrl = URL.createObjectURL(new Blob([ics(data, anchor, lang, options)], { type: "text/calendar" }));
    const mdUrl = URL.createObjectURL(new Blob([markdown(data, anchor, lang, options)], { type: "text/markdown" }));
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
