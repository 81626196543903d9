/**
 * The HTML around every page: a sidebar with the lessons in course order and the packages,
 * the page's content, and previous/next links. No JavaScript: on a phone-width screen the
 * sidebar folds away behind a menu button (a checkbox and its label, styled in site.css).
 * Every href is relative, so the site works from any folder, a sub-path, or file://.
 */
import { escapeHtml } from "./html.ts";
import { relativeHref } from "./links.ts";
import type { Page } from "./site-plan.ts";

export interface LayoutInput {
  page: Page;
  pages: readonly Page[];
  /** The page's own title (its README's first heading). */
  title: string;
  /** The page's main content, as HTML. */
  content: string;
  previous?: Page;
  next?: Page;
}

export const siteName = "gradschool";

export function renderLayout({ page, pages, title, content, previous, next }: LayoutInput): string {
  const href = (target: string) => escapeHtml(relativeHref(page.output, target));
  const asset = (name: string) => href(`assets/${name}`);
  const fullTitle = page.kind === "home" ? `${siteName} — neural networks from scratch` : `${title} · ${siteName}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(fullTitle)}</title>
<link rel="icon" href="${asset("favicon.svg")}" type="image/svg+xml">
<link rel="stylesheet" href="${asset("katex/katex.min.css")}">
<link rel="stylesheet" href="${asset("site.css")}">
</head>
<body class="page-${page.kind}">
<input type="checkbox" id="menu-toggle" class="menu-toggle" aria-controls="sidebar" aria-label="Show the list of pages">
<header class="topbar">
<label for="menu-toggle" class="menu-button"><span class="menu-icon" aria-hidden="true"></span>Menu</label>
<a class="site-name" href="${href("index.html")}">${siteName}</a>
</header>
<div class="layout">
<nav class="sidebar" id="sidebar" aria-label="Lessons and packages">
<a class="site-name" href="${href("index.html")}">${siteName}</a>
<p class="tagline">Neural networks from scratch in TypeScript</p>
${navSection("Lessons", "ol", pages.filter((p) => p.kind === "lesson"), page, href)}
${navSection("Packages", "ul", pages.filter((p) => p.kind === "package"), page, href)}
</nav>
<main class="content">
${content}
${previous !== undefined || next !== undefined ? pager(previous, next, href) : ""}
</main>
</div>
</body>
</html>
`;
}

function navSection(heading: string, list: "ol" | "ul", entries: Page[], current: Page, href: (target: string) => string): string {
  const items = entries.map((entry) => {
    const isCurrent = entry === current || (current.kind === "source" && current.source.startsWith(entry.source.replace(/README\.md$/, "")));
    const label =
      entry.lesson === undefined
        ? escapeHtml(entry.label)
        : `<span class="nav-number">${String(entry.lesson.number).padStart(2, "0")}</span> ${escapeHtml(entry.lesson.title)}`;
    return `<li><a href="${href(entry.output)}"${isCurrent ? ' aria-current="page"' : ""}>${label}</a></li>`;
  });
  return `<h2 class="nav-heading">${heading}</h2>\n<${list} class="nav-list">\n${items.join("\n")}\n</${list}>`;
}

function pager(previous: Page | undefined, next: Page | undefined, href: (target: string) => string): string {
  const link = (target: Page, rel: "prev" | "next") =>
    `<a class="pager-${rel}" rel="${rel}" href="${href(target.output)}"><span class="pager-direction">${rel === "prev" ? "← Previous" : "Next →"}</span><span class="pager-title">${escapeHtml(target.label)}</span></a>`;
  return `<nav class="pager" aria-label="Previous and next lesson">${previous === undefined ? "<span></span>" : link(previous, "prev")}${next === undefined ? "" : link(next, "next")}</nav>`;
}
