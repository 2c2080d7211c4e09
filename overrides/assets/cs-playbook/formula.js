// @ts-check
/** A KPI formula's tree (written by generator/formula.py) evaluated with the same operations. */

/**
 * @typedef {{num: number} | {var: string} | {fn: "min" | "max", args: Tree[]} | {op: string, args: Tree[]}} Tree
 */

/**
 * The formula's value for these inputs; throws on a division by zero.
 * @param {Tree} node
 * @param {Record<string, number>} values
 * @returns {number}
 */
export function evaluate(node, values) {
  if ("num" in node) return node.num;
  if ("var" in node) return values[node.var];
  const args = node.args.map((a) => evaluate(a, values));
  if ("fn" in node) return node.fn === "min" ? Math.min(...args) : Math.max(...args);
  switch (node.op) {
    case "neg": return -args[0];
    case "+": return args[0] + args[1];
    case "-": return args[0] - args[1];
    case "*": return args[0] * args[1];
    default:
      if (args[1] === 0) throw new Error("zero");
      return args[0] / args[1];
  }
}
