// @ts-check
/**
 * The site's one script entry (loaded as a module by overrides/main.html): starts every
 * widget on the page. Each widget, and each box of a widget, starts on its own: bad data in
 * one box or a failing widget is reported to the console and the rest still work.
 */
import { startAlternate } from "./alternate.js";
import { setUpFill } from "./fill.js";
import { setUpKpi } from "./kpi.js";
import { setUpProgress } from "./progress.js";
import { setUpSchedule } from "./schedule.js";
import { startSearch } from "./search.js";
import { startTerms } from "./terms.js";
import { setUpWhatIf } from "./whatif.js";
import { startAll, startEach } from "./widgets.js";

startAll({
  search: startSearch,
  progress: () => startEach(".csp-progress[data-progress-key]", setUpProgress),
  kpi: () => startEach(".csp-calc[data-csp-kpi]", setUpKpi),
  whatif: () => startEach(".csp-whatif", setUpWhatIf),
  schedule: () => startEach(".csp-schedule", setUpSchedule),
  fill: () => startEach(".csp-fill", setUpFill),
  alternate: startAlternate,
  terms: startTerms,
});
