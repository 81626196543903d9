/**
 * The site's pages and their order: the root README as the home page, one page per lesson
 * in the manifest's order (the course order lives there and nowhere else), then one API
 * page per package README in the order of the chain of concepts (DESIGN §2), and last
 * docs/README.md, how this site is made.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { LessonEntry } from "@gradschool/course";

export interface Page {
  kind: "home" | "lesson" | "package" | "source";
  /** Repository path of what the page shows: "lessons/00-tensors/README.md", "packages/tensor/src/gemm.ts". */
  source: string;
  /** Path of the page in dist/: "lessons/00-tensors.html". */
  output: string;
  /** The page's name in the sidebar and the previous/next links. */
  label: string;
  lesson?: LessonEntry;
}

/** Packages in the order each builds on the last (DESIGN §2); others follow, alphabetically. */
export const packageOrder = ["tensor", "gradcheck", "viz", "datasets", "neuron", "activations", "losses", "optimizers", "backprop", "mlp", "cnn", "rnn"];

export function planSite(root: string, lessons: readonly LessonEntry[]): Page[] {
  const pages: Page[] = [{ kind: "home", source: "README.md", output: "index.html", label: "Home" }];
  for (const lesson of lessons) {
    const source = `lessons/${lesson.folder}/README.md`;
    if (!existsSync(join(root, source))) {
      throw new Error(`${source} is missing: the manifest (packages/course/src/manifest.ts) lists lesson ${lesson.folder}, and its page is its README`);
    }
    const label = `${String(lesson.number).padStart(2, "0")} · ${lesson.title}`;
    pages.push({ kind: "lesson", source, output: `lessons/${lesson.folder}.html`, label, lesson });
  }
  const packages = readdirSync(join(root, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, "packages", entry.name, "README.md")))
    .map((entry) => entry.name)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const name of packages) {
    pages.push({ kind: "package", source: `packages/${name}/README.md`, output: `packages/${name}.html`, label: name });
  }
  // The site's own workspace, last: how the pages are made.
  if (existsSync(join(root, "docs", "README.md"))) {
    pages.push({ kind: "package", source: "docs/README.md", output: "packages/docs.html", label: "docs" });
  }
  return pages;
}

function rank(name: string): number {
  const index = packageOrder.indexOf(name);
  return index < 0 ? packageOrder.length : index;
}

/** The page that shows a source file: "packages/tensor/src/gemm.ts" → "source/packages/tensor/src/gemm.ts.html". */
export function sourcePage(repoPath: string): Page {
  return { kind: "source", source: repoPath, output: `source/${repoPath}.html`, label: repoPath };
}

/**
 * The pages before and after `page` in the course: lessons link to the lessons either side,
 * the first lesson back to the home page, and the home page on to the first lesson.
 */
export function neighbours(pages: readonly Page[], page: Page): { previous?: Page; next?: Page } {
  const lessons = pages.filter((candidate) => candidate.kind === "lesson");
  if (page.kind === "home") return { next: lessons[0] };
  if (page.kind !== "lesson") return {};
  const index = lessons.indexOf(page);
  return { previous: index === 0 ? pages.find((candidate) => candidate.kind === "home") : lessons[index - 1], next: lessons[index + 1] };
}
