// @ts-check
/**
 * Language switch that keeps the reader's place on any host and path.
 *
 * The switch links already point at the same page in the other language with a relative
 * address (see overrides/partials/alternate.html). This file adds the current #anchor to
 * them and keeps Material's own handler from replacing them: that handler looks the page up
 * in the other language's sitemap, which only works at the address the site was built for.
 */
/** Keep the reader's place when switching language. */
export function startAlternate() {
  /** @type {NodeListOf<HTMLAnchorElement>} */
  const links = document.querySelectorAll("a.md-select__link[hreflang]");

  /** @param {HTMLAnchorElement} link */
  const withAnchor = (link) => {
    const url = new URL(link.href);
    url.hash = window.location.hash;
    link.href = url.href;
  };

  const update = () => links.forEach(withAnchor);
  update();
  window.addEventListener("hashchange", update);
  for (const link of links) {
    link.addEventListener("click", (event) => {
      withAnchor(link);
      event.stopPropagation();
    });
  }
}
