// What the site's scripts share through `window` (each file is a classic script loaded in the
// order of mkdocs.yml's extra_javascript), so TypeScript can check the files that use them.
interface MarkdownText {
  inline(text: string): string;
  SPACE: RegExp;
  LINE_BREAK: RegExp;
}

interface Calculators {
  evaluate(tree: object, values: Record<string, number>): number;
  fixed(value: number, digits: number): string;
  readNumber(text: string): number;
  markField(input: Element, faulty: boolean): void;
}

interface Window {
  cspMarkdownText: MarkdownText;
  cspCalculators: Calculators;
  /** Each sets up every widget of its kind on the page. */
  cspKpis(): void;
  cspWhatIf(): void;
  cspSchedule(): void;
  /** fill.js's pure functions, also called by the browser tests to compare with Python. */
  cspFill: {
    fill(data: object, answers: object, lang: string): string;
    inline(text: string): string;
    number(value: number): string;
    fileName(...parts: string[]): string;
  };
}
