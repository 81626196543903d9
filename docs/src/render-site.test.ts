import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { LessonEntry } from "@gradschool/course";
import { createHighlighter } from "shiki";
import type { Highlighter } from "shiki";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Capture } from "./captures.ts";
import { codeLanguages, codeThemes } from "./markdown.ts";
import { renderSite } from "./render-site.ts";

const lessons: LessonEntry[] = [
  { number: 0, slug: "first", folder: "00-first", title: "First", summary: "The first lesson." },
  { number: 1, slug: "second", folder: "01-second", title: "Second", summary: "The second lesson." },
];

const files: Record<string, string> = {
  "README.md": "# fixture\n\nStart with [lesson 0](lessons/00-first/README.md); the API is in [tensor](packages/tensor/README.md).\n",
  "lessons/00-first/README.md": [
    "# Lesson 00 — First",
    "",
    "The sum $a + b$ is",
    "",
    "<!-- include: packages/tensor/src/add.ts#add -->",
    "",
    "Read `packages/tensor/src/add.ts`, then [the next lesson](../01-second/README.md).",
  ].join("\n"),
  "lessons/01-second/README.md": "# Lesson 01 — Second\n\nBack to [the start](../00-first/README.md#lesson-00--first).\n",
  "packages/viz/README.md": "# viz\n",
  "packages/zeta/README.md": "# zeta\n",
  "packages/tensor/README.md": "# tensor\n\nThe kernel is [add.ts](src/add.ts).\n",
  "packages/tensor/src/add.ts": "// #region add\nexport const add = (a: number, b: number) => a + b;\n// #endregion\n",
};

const capture: Capture = {
  output: "\n── Step 1\n\x1b[36m──\x1b[0m loss 0.5\n",
  charts: [{ title: "Loss", series: { train: [1, 0.5] }, logScale: false, xLabel: "step", xRange: [1, 2] }],
  seconds: 1.5,
};

let root = "";
let highlighter: Highlighter;

function writeRepo(overrides: Record<string, string> = {}): void {
  rmSync(root, { recursive: true, force: true });
  for (const [path, text] of Object.entries({ ...files, ...overrides })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const build = () => renderSite({ root, lessons, highlighter, captureOf: (lesson) => (lesson.number === 0 ? capture : undefined) });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "docs-site-"));
  highlighter = await createHighlighter({ themes: Object.values(codeThemes), langs: [...codeLanguages] });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("renderSite", () => {
  test("renders the home page, the lessons, the packages and a page per linked or included source file", () => {
    writeRepo();
    expect([...build().keys()]).toEqual([
      "index.html",
      "lessons/00-first.html",
      "lessons/01-second.html",
      "packages/tensor.html",
      "packages/viz.html",
      "packages/zeta.html",
      "source/packages/tensor/src/add.ts.html",
    ]);
  });

  test("the sidebar lists lessons in course order, then packages in the chain's order", () => {
    writeRepo();
    const home = build().get("index.html")!;
    const order = [...home.matchAll(/<li><a href="([^"]+)"/g)].map((match) => match[1]);
    expect(order).toEqual(["lessons/00-first.html", "lessons/01-second.html", "packages/tensor.html", "packages/viz.html", "packages/zeta.html"]);
  });

  test("a lesson page has its README with links rewritten, the included code, and previous/next links", () => {
    writeRepo();
    const page = build().get("lessons/00-first.html")!;
    expect(page).toContain("<title>Lesson 00 — First · gradschool</title>");
    expect(page).toContain('<a href="01-second.html">the next lesson</a>');
    expect(page).toContain('<a href="../source/packages/tensor/src/add.ts.html" class="code-link"><code>packages/tensor/src/add.ts</code></a>');
    expect(page).toMatch(/<figure class="include">[\s\S]*packages\/tensor\/src\/add\.ts[\s\S]*<pre class="shiki[\s\S]*export/);
    expect(page).not.toContain("#region");
    expect(page).toContain('rel="prev" href="../index.html"');
    expect(page).toContain('rel="next" href="01-second.html"');
    expect(page).toContain('class="katex"');
  });

  test("a lesson page ends with what the lesson printed, in colour, and its charts as SVG", () => {
    writeRepo();
    const page = build().get("lessons/00-first.html")!;
    expect(page).toContain('<h2 id="captured-output">');
    expect(page).toContain('<pre class="terminal"><code>── Step 1\n<span class="ansi-cyan-fg">──</span> loss 0.5</code></pre>');
    expect(page).toMatch(/<figure class="chart" id="chart-1">[\s\S]*<path class="line s0"/);
  });

  test("a missing include file or region fails the build, naming the README, the file and the region", () => {
    writeRepo({ "lessons/01-second/README.md": "# Two\n\n<!-- include: packages/tensor/src/add.ts#subtract -->\n\n<!-- include: packages/tensor/src/mul.ts#mul -->\n" });
    expect(build).toThrow(
      'lessons/01-second/README.md: include packages/tensor/src/add.ts#subtract: packages/tensor/src/add.ts has no region "subtract" (its regions are add)',
    );
    expect(build).toThrow("lessons/01-second/README.md: include packages/tensor/src/mul.ts#mul: packages/tensor/src/mul.ts does not exist");
  });

  test("a broken link fails the build, naming the README and the link", () => {
    writeRepo({ "packages/viz/README.md": "# viz\n\nSee [lesson 9](../../lessons/09-rnn/README.md).\n" });
    expect(build).toThrow('packages/viz/README.md: link "../../lessons/09-rnn/README.md" points to lessons/09-rnn/README.md, which does not exist');
  });

  test("math KaTeX cannot render fails the build", () => {
    writeRepo({ "lessons/01-second/README.md": "# Two\n\nBroken $\\frac{1}{$ math.\n" });
    expect(build).toThrow(/lessons\/01-second\/README\.md: math that KaTeX cannot render/);
  });

  test("a lesson the manifest lists without a README fails the build", () => {
    writeRepo();
    rmSync(join(root, "lessons/01-second/README.md"));
    expect(build).toThrow("lessons/01-second/README.md is missing: the manifest (packages/course/src/manifest.ts) lists lesson 01-second");
  });
});
