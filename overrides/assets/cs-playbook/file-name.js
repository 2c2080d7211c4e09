// @ts-check
/** Download names, as generator/schedule.py file_name(): "<customer>-<id>.<ext>". */
import { squeeze } from "./markdown-text.js";

// eslint-disable-next-line no-control-regex -- control characters are refused in names
const UNSAFE_IN_NAMES = /[\\/:*?"<>|\x00-\x1f\x7f]/g;

/**
 * The file name without characters file systems refuse; the customer part is at most 60
 * characters (code points, as Python counts them).
 * @param {string} id
 * @param {string} customer
 * @param {string} extension
 */
export function fileName(id, customer, extension) {
  const cleaned = Array.from(squeeze(customer.replace(UNSAFE_IN_NAMES, " ")).replace(/ /g, "-"))
    .slice(0, 60).join("");
  return (cleaned ? cleaned + "-" : "") + id + "." + extension;
}
