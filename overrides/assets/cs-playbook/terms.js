// @ts-check
/**
 * Glossary terms and abbreviations on touch screens.
 *
 * - A link to a glossary term (#id) opens that term's <details> element.
 * - Tapping an abbreviation shows its meaning (the title attribute, as plain text), so the
 *   explanation does not depend on hovering; tapping elsewhere or Escape closes it.
 */
/** Open linked glossary terms and show abbreviations on tap. */
export function startTerms() {
  const openTarget = () => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (target instanceof HTMLDetailsElement) {
      target.open = true;
      target.scrollIntoView();
    }
  };
  openTarget();
  window.addEventListener("hashchange", openTarget);

  /** @type {HTMLSpanElement | null} */
  let tip = null;
  const close = () => {
    if (tip) tip.remove();
    tip = null;
  };
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("abbr[title]") : null;
    const wasFor = tip ? tip.dataset.for : null;
    close();
    if (!(target instanceof HTMLElement) || wasFor === target.title) return;
    tip = document.createElement("span");
    tip.className = "csp-abbr-tip";
    tip.setAttribute("role", "tooltip");
    tip.dataset.for = target.title;
    tip.textContent = target.title;
    document.body.appendChild(tip);
    const box = target.getBoundingClientRect();
    const left = Math.min(box.left, document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = `${Math.max(8, left) + window.scrollX}px`;
    tip.style.top = `${box.bottom + 6 + window.scrollY}px`;
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
}
