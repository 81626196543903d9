/**
 * `npm run docs` (from the repository root; `npm run build` here): builds the site in docs/dist.
 *
 *   npm run docs                  capture the lessons (cached), render every page, check every link
 *   npm run docs -- --serve       … then serve dist/ on 127.0.0.1 and print the URL (--port 4173)
 *   npm run docs -- --no-capture  render from the captures already on disk
 *
 * Phases, each timed: capture (turbo runs each lesson's `capture` script, cached), read the
 * captures, start the highlighter, render the pages, check every internal link, write dist/.
 * Any problem (a lesson without a capture, a broken link, a missing include, math KaTeX
 * cannot render) fails the build with a message naming the page.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { lessons, lessonPath, repoRoot } from "@gradschool/course";
import { createHighlighter } from "shiki";
import { checkCaptureScripts, runCaptures } from "./capture-task.ts";
import { readCapture } from "./captures.ts";
import { findBrokenLinks } from "./check-links.ts";
import { codeLanguages, codeThemes } from "./markdown.ts";
import { renderSite } from "./render-site.ts";
import { serveDirectory } from "./serve.ts";

const args = process.argv.slice(2);
const root = repoRoot();
const distDir = join(root, "docs", "dist");
const timings: string[] = [];
const started = performance.now();

async function phase<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  timings.push(`${name} ${((performance.now() - start) / 1000).toFixed(1)}s`);
  return result;
}

/** dist path → file to copy there: the stylesheet, the icon, and KaTeX's CSS and fonts (no CDN). */
function assetFiles(): Map<string, string> {
  const own = fileURLToPath(new URL("./assets/", import.meta.url));
  const katexDist = dirname(fileURLToPath(import.meta.resolve("katex")));
  const files = new Map<string, string>([
    ["assets/site.css", join(own, "site.css")],
    ["assets/favicon.svg", join(own, "favicon.svg")],
    ["assets/katex/katex.min.css", join(katexDist, "katex.min.css")],
  ]);
  for (const font of readdirSync(join(katexDist, "fonts"))) files.set(`assets/katex/fonts/${font}`, join(katexDist, "fonts", font));
  return files;
}

try {
  await phase("capture", () => {
    checkCaptureScripts(root, lessons);
    if (!args.includes("--no-capture")) runCaptures(root, lessons);
  });
  const captures = await phase("read captures", () => new Map(lessons.map((lesson) => [lesson.folder, readCapture(lessonPath(lesson), `lessons/${lesson.folder}`)])));
  const highlighter = await phase("highlighter", () => createHighlighter({ themes: Object.values(codeThemes), langs: [...codeLanguages] }));
  const site = await phase("render", () => renderSite({ root, lessons, highlighter, captureOf: (lesson) => captures.get(lesson.folder) }));
  const assets = assetFiles();
  // The KaTeX stylesheet's own font URLs are the library's business; every link on our pages is checked.
  await phase("check links", () => {
    const broken = findBrokenLinks(site, new Set(assets.keys()));
    if (broken.length > 0) throw new Error(`${broken.length} broken link${broken.length === 1 ? "" : "s"}:\n  ${broken.join("\n  ")}`);
  });
  await phase("write", () => {
    rmSync(distDir, { recursive: true, force: true });
    for (const [output, html] of site) {
      mkdirSync(dirname(join(distDir, output)), { recursive: true });
      writeFileSync(join(distDir, output), html);
    }
    for (const [output, source] of assets) {
      mkdirSync(dirname(join(distDir, output)), { recursive: true });
      copyFileSync(source, join(distDir, output));
    }
  });
  highlighter.dispose();
  const total = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`docs: ${site.size} pages in docs/dist in ${total}s (${timings.join(" · ")})`);
} catch (error) {
  console.error(`docs: ${(error as Error).message}`);
  process.exit(1);
}

if (args.includes("--serve")) {
  const portArg = args.indexOf("--port");
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 4173;
  const server = await serveDirectory(distDir, port).catch(() => serveDirectory(distDir, 0)); // port taken: any free one
  console.log(`docs: serving docs/dist at ${server.url} (Ctrl+C stops)`);
}
