/**
 * The markdown renderer: markdown-it with raw HTML off (a `<script>` in a README comes out
 * as text), KaTeX for `$…$` and `$$…$$`, shiki for code (a light and a dark theme, picked
 * by the stylesheet), GitHub-style heading anchors, include directives, and every link
 * rewritten to the site's pages (links.ts).
 */
import { katex } from "@mdit/plugin-katex";
import type { MarkdownItKatexOptions } from "@mdit/plugin-katex";
import { fromHighlighter } from "@shikijs/markdown-it/core";
import markdownIt from "markdown-it";
import type { MarkdownIt, StateBlock, StateCore, Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import type { Highlighter } from "shiki";
import type { Include } from "./includes.ts";
import { parseIncludeDirective } from "./includes.ts";

/** What rendering one page needs from the build: where the page is, and how to resolve links and includes. */
export interface RenderEnv {
  /** Repository path of the markdown file, e.g. "lessons/00-tensors/README.md". */
  source: string;
  /** The rewritten href for a link in this file (throws if it leads nowhere). */
  link(href: string): string;
  /** The href for an inline code span that names a file in the repository, if it does. */
  codeLink(code: string): string | undefined;
  /** The HTML for an include directive (throws if the file or region is missing). */
  include(include: Include): string;
  /** Problems found while rendering: broken links, missing includes, bad math. */
  errors: string[];
}

export const codeThemes = { light: "github-light", dark: "github-dark" } as const;
export const codeLanguages = ["ts", "sh", "json"] as const;

/**
 * GitHub's heading ids, so an anchor written for GitHub works on the site too: lower case,
 * punctuation dropped, each space a dash ("Step 1 · MNIST" → "step-1--mnist").
 */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

export function createMarkdown(highlighter: Highlighter): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  // The plugins are typed against @types/markdown-it 14, markdown-it 15 ships its own
  // types: the same API, so each plugin is cast once to markdown-it 15's plugin type.
  const plugin = <Options>(fn: unknown) => fn as (md: MarkdownIt, options?: Options) => void;
  md.use(plugin<MarkdownItKatexOptions>(katex), {
    // Unicode in math (−, ·) renders fine; KaTeX's strict mode would only warn about it.
    logger: () => "ignore",
  });
  md.use(
    plugin(
      fromHighlighter(highlighter, {
        themes: codeThemes,
        defaultColor: false,
        defaultLanguage: "text" as never, // plain text is built in, not one of shiki's bundled languages
        fallbackLanguage: "text" as never,
      }),
    ),
  );
  md.use(plugin<anchor.AnchorOptions>(anchor), {
    level: [1, 2, 3, 4],
    slugify,
    tabIndex: false,
    permalink: anchor.permalink.linkInsideHeader({ symbol: "#", placement: "before", class: "heading-anchor", ariaHidden: true, space: false }),
  });
  md.block.ruler.before("paragraph", "include", includeRule, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.renderer.rules.include = (tokens, index, _options, renderEnv) => {
    const env = renderEnv as unknown as RenderEnv;
    const include = tokens[index].meta as unknown as Include;
    try {
      return env.include(include);
    } catch (error) {
      env.errors.push(`${env.source}: ${(error as Error).message}`);
      return "";
    }
  };
  md.core.ruler.push("site-links", rewriteLinks);
  return md;
}

/** `<!-- include: path#region -->` on a line of its own becomes an include token. */
function includeRule(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
  const include = parseIncludeDirective(line);
  if (include === undefined) return false;
  if (silent) return true;
  const token = state.push("include", "", 0);
  token.meta = { ...include };
  token.map = [startLine, startLine + 1];
  state.line = startLine + 1;
  return true;
}

/** Rewrites every link's href, and links code spans that name a repository file. */
function rewriteLinks(state: StateCore): void {
  const env = state.env as unknown as RenderEnv;
  for (const block of state.tokens) {
    if (block.type !== "inline" || block.children === null) continue;
    const children: Token[] = [];
    let linkDepth = 0;
    for (const token of block.children) {
      if (token.type === "link_open") {
        linkDepth++;
        const href = String(token.attrGet("href") ?? "");
        try {
          // An #anchor on this page stays as it is; it is checked once every page exists.
          if (!href.startsWith("#")) token.attrSet("href", env.link(href));
        } catch (error) {
          env.errors.push((error as Error).message);
        }
      } else if (token.type === "link_close") {
        linkDepth--;
      } else if (token.type === "image") {
        env.errors.push(`${env.source}: image "${token.attrGet("src")}": the docs build does not copy images yet`);
      } else if (token.type === "code_inline" && linkDepth === 0) {
        const href = env.codeLink(token.content);
        if (href !== undefined) {
          const open = new state.Token("link_open", "a", 1);
          open.attrSet("href", href);
          open.attrSet("class", "code-link");
          children.push(open, token, new state.Token("link_close", "a", -1));
          continue;
        }
      }
      children.push(token);
    }
    block.children = children;
  }
}

/** The text of the first level-1 heading ("# Lesson 00 — Tensors"), outside code fences, for the page title. */
export function firstHeading(markdown: string): string | undefined {
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence === undefined && line.startsWith("# ")) return line.slice(2).replace(/`/g, "").trim();
  }
  return undefined;
}
