/**
 * Links between pages. The READMEs link to each other with relative paths, as they must
 * to work on GitHub (`../06-mlp/README.md`, `packages/mlp/README.md`, `src/gemm.ts`); the
 * site rewrites each to the page that shows that file, relative to the page it is on, so
 * the site works from any folder (a web server, a sub-path, or file://).
 *
 *   a README that has a page          → that page (lessons/06-mlp.html)
 *   a folder with such a README       → the same page
 *   any other file in the repository  → a page showing its source (source/packages/…/gemm.ts.html)
 *   anything else                     → an error naming the page and the link
 *
 * Links with a scheme (https:, mailto:) are left alone, and so is "#anchor" on the page
 * itself; anchors are checked once every page exists (check-links.ts).
 */
import { posix } from "node:path";

/** What link rewriting needs to know about the repository and the site. */
export interface LinkTargets {
  /** The site page (output path, e.g. "lessons/06-mlp.html") for a repository file, if it has one. */
  pageFor(repoPath: string): string | undefined;
  /** What is at `repoPath`: a file, a folder, or nothing. */
  kindOf(repoPath: string): "file" | "directory" | undefined;
  /** The output path of the page that shows `repoPath`'s source; creates that page. */
  sourcePageFor(repoPath: string): string;
}

/** Has a scheme ("https:", "mailto:") or is protocol-relative: not ours to check. */
export function isExternal(href: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(href) || href.startsWith("//");
}

/**
 * The href a link in `fromSource` (a repository path such as "lessons/00-tensors/README.md")
 * gets on the page at `fromOutput` (such as "lessons/00-tensors.html").
 */
export function rewriteLink(href: string, fromSource: string, fromOutput: string, targets: LinkTargets): string {
  if (href === "" || isExternal(href) || href.startsWith("#")) return href;
  const hashAt = href.indexOf("#");
  const pathPart = hashAt < 0 ? href : href.slice(0, hashAt);
  const fragment = hashAt < 0 ? "" : href.slice(hashAt);
  const target = resolveRepoPath(pathPart.split("?")[0], fromSource);
  if (target === undefined) {
    throw new Error(`${fromSource}: link "${href}" leaves the repository`);
  }
  const output = outputFor(target, targets);
  if (output === undefined) {
    throw new Error(`${fromSource}: link "${href}" points to ${target || "the repository root"}, which does not exist`);
  }
  return relativeHref(fromOutput, output) + fragment;
}

/** The repository path `href` names from the file `fromSource`, or undefined if it climbs out of the repository. */
export function resolveRepoPath(href: string, fromSource: string): string | undefined {
  const decoded = decodeURIComponent(href);
  const joined = decoded.startsWith("/") ? decoded.slice(1) : posix.join(posix.dirname(fromSource), decoded);
  const normalized = posix.normalize(joined).replace(/\/$/, "");
  if (normalized === "..." || normalized.startsWith("../") || normalized === "..") return undefined;
  return normalized === "." ? "" : normalized;
}

/** The site page for a repository path: its own page, its folder's README page, or a source page. */
function outputFor(repoPath: string, targets: LinkTargets): string | undefined {
  const page = targets.pageFor(repoPath);
  if (page !== undefined) return page;
  const kind = targets.kindOf(repoPath);
  if (kind === "directory") return targets.pageFor(repoPath === "" ? "README.md" : `${repoPath}/README.md`);
  if (kind === "file") return targets.sourcePageFor(repoPath);
  return undefined;
}

/** The relative href from the page at output path `from` to the one at `to` ("../packages/tensor.html"). */
export function relativeHref(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to);
  return relative === "" ? posix.basename(to) : relative;
}

/**
 * The repository path an inline code span names, if it is one worth linking: contains a
 * slash, looks like a path, and exists (from the repository root, or from the README's
 * folder). "`packages/tensor/src/gemm.ts`" in a lesson becomes a link to that source.
 */
export function codePathTarget(code: string, fromSource: string, targets: LinkTargets): string | undefined {
  if (!/^[\w@.-]+(\/[\w@.-]+)+\/?$/.test(code)) return undefined;
  for (const candidate of [code, posix.join(posix.dirname(fromSource), code)]) {
    const repoPath = resolveRepoPath(candidate, "README.md");
    if (repoPath === undefined || repoPath === "") continue;
    if (targets.pageFor(repoPath) !== undefined) return repoPath;
    const kind = targets.kindOf(repoPath);
    if (kind === "file") return repoPath;
    if (kind === "directory" && targets.pageFor(`${repoPath}/README.md`) !== undefined) return repoPath;
  }
  return undefined;
}
