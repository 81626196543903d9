/**
 * The last check before the site is written: every internal href and src on every page
 * leads to a page or asset the build produces, and every #anchor to an id on that page.
 * (Rewriting a README's links already catches a missing file; this catches a missing
 * heading, and any link the templates get wrong.)
 */
import { posix } from "node:path";
import { isExternal } from "./links.ts";

// Attributes are read from inside tags only: text, highlighted code included, cannot hold
// a raw "<", so code that reads `href="…"` is never mistaken for a link.
const tagPattern = /<[a-zA-Z][^<>]*>/g;
const attributePattern = /\s(?:href|src)="([^"]*)"/g;
const idPattern = /\sid="([^"]*)"/g;

function attributes(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(tagPattern)].flatMap((tag) => [...tag[0].matchAll(pattern)].map((match) => decodeEntities(match[1])));
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]!);
}

/** The ids on a page, which #anchors may point to. */
export function idsOf(html: string): Set<string> {
  return new Set(attributes(html, idPattern));
}

/** Every broken internal link in the site, as "page: link (why)"; empty when all resolve. */
export function findBrokenLinks(pages: ReadonlyMap<string, string>, assets: ReadonlySet<string>): string[] {
  const ids = new Map([...pages].map(([output, html]) => [output, idsOf(html)]));
  const problems: string[] = [];
  for (const [output, html] of pages) {
    for (const link of attributes(html, attributePattern)) {
      if (link === "" || isExternal(link)) continue;
      const hashAt = link.indexOf("#");
      const path = hashAt < 0 ? link : link.slice(0, hashAt);
      const fragment = hashAt < 0 ? "" : decodeURIComponent(link.slice(hashAt + 1));
      const target = path === "" ? output : posix.normalize(posix.join(posix.dirname(output), decodeURIComponent(path)));
      if (!pages.has(target) && !assets.has(target)) {
        problems.push(`${output}: link "${link}" leads to ${target}, which the site does not have`);
      } else if (fragment !== "" && pages.has(target) && !ids.get(target)!.has(fragment)) {
        problems.push(`${output}: link "${link}" points to #${fragment}, but ${target} has no element with that id`);
      }
    }
  }
  return problems;
}
