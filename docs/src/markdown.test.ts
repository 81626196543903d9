import { createHighlighter } from "shiki";
import type { Highlighter } from "shiki";
import { beforeAll, describe, expect, test } from "vitest";
import type { Include } from "./includes.ts";
import type { RenderEnv } from "./markdown.ts";
import { codeLanguages, codeThemes, createMarkdown, firstHeading, slugify } from "./markdown.ts";

let highlighter: Highlighter;
beforeAll(async () => {
  highlighter = await createHighlighter({ themes: Object.values(codeThemes), langs: [...codeLanguages] });
});

/** Renders `markdown` with links, code links and includes recorded instead of resolved. */
function render(markdown: string) {
  const links: string[] = [];
  const includes: Include[] = [];
  const env: RenderEnv = {
    source: "lessons/00-tensors/README.md",
    errors: [],
    link: (href) => {
      links.push(href);
      if (href.includes("missing")) throw new Error(`lessons/00-tensors/README.md: link "${href}" points to nothing`);
      return `rewritten/${href}`;
    },
    codeLink: (code) => (code === "packages/tensor/src/gemm.ts" ? "../source/gemm.html" : undefined),
    include: (include) => {
      includes.push(include);
      return `<figure class="include">${include.path}</figure>`;
    },
  };
  const html = createMarkdown(highlighter).render(markdown, env as unknown as Record<string, unknown>);
  return { html, links, includes, errors: env.errors };
}

describe("the markdown renderer", () => {
  test("raw HTML is disabled: a <script> in a README comes out as text", () => {
    const { html } = render('Hello <script>alert("x")</script>\n\n<div onclick="x()">block</div>');
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<div");
  });

  test("renders $…$ and $$…$$ with KaTeX", () => {
    const { html } = render("Inline $\\sigma(x) = 1/(1 + e^{-x})$.\n\n$$C_{ij} = \\sum_k A_{ik} B_{kj}$$");
    expect(html).toContain('<span class="katex">');
    expect(html).toContain("katex-display");
    expect(html).not.toContain("$");
  });

  test("highlights ts, sh and json with a light and a dark theme", () => {
    const { html } = render("```ts\nconst x: number = 1;\n```\n\n```sh\nnpm test\n```\n\n```json\n{\"a\": 1}\n```\n\n```text\nplain\n```");
    expect(html.match(/<pre class="shiki shiki-themes github-light github-dark/g)).toHaveLength(4);
    expect(html).toContain("--shiki-light:");
    expect(html).toContain("--shiki-dark:");
  });

  test("headings get GitHub's ids and a # link to themselves", () => {
    const { html } = render("# Lesson 00 — Tensors\n\n## Step 1 · a tensor is numbers in a row, plus a shape");
    expect(html).toContain('<h2 id="step-1--a-tensor-is-numbers-in-a-row-plus-a-shape"><a class="heading-anchor" href="#step-1--a-tensor-is-numbers-in-a-row-plus-a-shape" aria-hidden="true">#</a>');
    expect(slugify("What's next")).toBe("whats-next");
    expect(slugify("Step 3 · the softmax lives in the loss")).toBe("step-3--the-softmax-lives-in-the-loss");
  });

  test("an include comment on its own line becomes the included code", () => {
    const { html, includes } = render("Text.\n<!-- include: packages/activations/src/sigmoid.ts#sigmoid -->\n\nMore.");
    expect(includes).toEqual([{ path: "packages/activations/src/sigmoid.ts", region: "sigmoid" }]);
    expect(html).toContain('<figure class="include">packages/activations/src/sigmoid.ts</figure>');
    expect(html).not.toContain("&lt;!--");
  });

  test("links are rewritten, code spans naming a repository file become links, and broken links are collected", () => {
    const { html, links, errors } = render("[next](../06-mlp/README.md) [gone](missing.md) [web](https://x.org)\n\n`packages/tensor/src/gemm.ts` and `matmul`");
    expect(links).toEqual(["../06-mlp/README.md", "missing.md", "https://x.org"]);
    expect(html).toContain('<a href="rewritten/../06-mlp/README.md">next</a>');
    expect(html).toContain('<a href="../source/gemm.html" class="code-link"><code>packages/tensor/src/gemm.ts</code></a>');
    expect(html).toContain("<code>matmul</code>");
    expect(errors).toEqual(['lessons/00-tensors/README.md: link "missing.md" points to nothing']);
  });
});

test("firstHeading is the first # heading outside code fences", () => {
  expect(firstHeading("```sh\n# not a heading\n```\n\n# Lesson 02 — `Activations`\n\n# Later")).toBe("Lesson 02 — Activations");
  expect(firstHeading("no heading")).toBeUndefined();
});
