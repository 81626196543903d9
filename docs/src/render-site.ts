/**
 * Renders every page of the site to HTML, in memory: the home page, each lesson (its
 * README, then what it printed and its loss charts), each package's API page, and a page
 * for every source file a README links to or includes. Problems (a broken link, a missing
 * include, bad math) are collected across all pages and reported together.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { LessonEntry } from "@gradschool/course";
import type { Highlighter } from "shiki";
import type { Capture } from "./captures.ts";
import { renderCaptureSection } from "./captures.ts";
import { escapeHtml } from "./html.ts";
import type { Include } from "./includes.ts";
import { describeInclude, extractRegion, languageOf } from "./includes.ts";
import { renderLayout } from "./layout.ts";
import type { LinkTargets } from "./links.ts";
import { codePathTarget, relativeHref, rewriteLink } from "./links.ts";
import { codeThemes, createMarkdown, firstHeading } from "./markdown.ts";
import type { RenderEnv } from "./markdown.ts";
import type { Page } from "./site-plan.ts";
import { neighbours, planSite, sourcePage } from "./site-plan.ts";

export interface SiteInput {
  /** The repository root: README paths and include paths are relative to it. */
  root: string;
  lessons: readonly LessonEntry[];
  highlighter: Highlighter;
  /** A lesson's captured output; undefined renders the lesson without it (unit tests). */
  captureOf(lesson: LessonEntry): Capture | undefined;
}

/** Output path in dist/ → the page's HTML. */
export type RenderedSite = Map<string, string>;

/** Source files larger than this are linked to as files, not rendered as pages. */
const maxSourceBytes = 256 * 1024;

export function renderSite({ root, lessons, highlighter, captureOf }: SiteInput): RenderedSite {
  const pages = planSite(root, lessons);
  const pageBySource = new Map(pages.map((page) => [page.source, page]));
  const sourcePages = new Map<string, Page>();
  const errors: string[] = [];
  const highlight = (code: string, lang: string) => highlighter.codeToHtml(code, { lang, themes: codeThemes, defaultColor: false });

  const targets: LinkTargets = {
    pageFor: (repoPath) => (pageBySource.get(repoPath) ?? sourcePages.get(repoPath))?.output,
    kindOf: (repoPath) => {
      const absolute = join(root, repoPath);
      if (repoPath.split("/").includes("node_modules") || !existsSync(absolute)) return undefined;
      return statSync(absolute).isDirectory() ? "directory" : "file";
    },
    sourcePageFor: (repoPath) => {
      const existing = sourcePages.get(repoPath);
      if (existing !== undefined) return existing.output;
      const text = readFileSync(join(root, repoPath));
      if (text.length > maxSourceBytes || text.includes(0)) {
        throw new Error(`${repoPath} is not a source file the site can show (binary, or over ${maxSourceBytes / 1024} KB)`);
      }
      const page = sourcePage(repoPath);
      sourcePages.set(repoPath, page);
      return page.output;
    },
  };

  const md = createMarkdown(highlighter);
  const html = new Map<string, string>();
  for (const page of pages) {
    const markdown = readFileSync(join(root, page.source), "utf8");
    const env: RenderEnv = {
      source: page.source,
      errors,
      link: (href) => rewriteLink(href, page.source, page.output, targets),
      codeLink: (code) => {
        const target = codePathTarget(code, page.source, targets);
        return target === undefined ? undefined : rewriteLink(`/${target}`, page.source, page.output, targets);
      },
      include: (include) => renderInclude(include, root, page, targets, highlight),
    };
    let content = md.render(markdown, env as unknown as Record<string, unknown>);
    for (const match of content.matchAll(/class=['"][^'"]*katex-error[^'"]*['"] title=['"]([^'"]*)['"]/g)) {
      errors.push(`${page.source}: math that KaTeX cannot render — ${match[1]}`);
    }
    const title = firstHeading(markdown) ?? page.label;
    if (page.lesson !== undefined) {
      const capture = captureOf(page.lesson);
      if (capture !== undefined) content += renderCaptureSection(page.lesson, capture);
    }
    html.set(page.output, renderLayout({ page, pages, title, content: `<article class="prose">\n${content}</article>`, ...neighbours(pages, page) }));
  }

  // Source pages last: rendering the READMEs is what decides which exist.
  for (const page of sourcePages.values()) {
    const code = readFileSync(join(root, page.source), "utf8").replace(/\n$/, "");
    const owner = pages.find((candidate) => candidate.kind !== "home" && page.source.startsWith(candidate.source.replace(/README\.md$/, "")));
    const ownerLink = owner === undefined ? "" : ` · part of <a href="${escapeHtml(relativeHref(page.output, owner.output))}">${escapeHtml(owner.label)}</a>`;
    const lineCount = code.split("\n").length;
    const content =
      `<article class="source">\n<h1><code>${escapeHtml(page.source)}</code></h1>\n` +
      `<p class="source-meta">${lineCount} lines${ownerLink}</p>\n` +
      `<div class="source-code">${highlight(code, languageOf(page.source))}</div>\n</article>`;
    html.set(page.output, renderLayout({ page, pages, title: page.source, content }));
  }

  if (errors.length > 0) {
    throw new Error(`the docs build found ${errors.length} problem${errors.length === 1 ? "" : "s"}:\n  ${errors.join("\n  ")}`);
  }
  return html;
}

/** An include directive as a highlighted block, captioned with a link to the whole file. */
function renderInclude(include: Include, root: string, page: Page, targets: LinkTargets, highlight: (code: string, lang: string) => string): string {
  const where = `include ${describeInclude(include)}`;
  if (targets.kindOf(include.path) !== "file") {
    throw new Error(`${where}: ${include.path} does not exist (include paths are relative to the repository root)`);
  }
  let code: string;
  try {
    code = extractRegion(readFileSync(join(root, include.path), "utf8"), include.path, include.region);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
  const href = relativeHref(page.output, targets.sourcePageFor(include.path));
  const region = include.region === undefined ? "" : ` <span class="include-region">${escapeHtml(include.region)}</span>`;
  return (
    `<figure class="include">\n<figcaption><a href="${escapeHtml(href)}"><code>${escapeHtml(include.path)}</code></a>${region}</figcaption>\n` +
    `${highlight(code, languageOf(include.path))}\n</figure>\n`
  );
}
