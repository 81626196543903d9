/**
 * The browser test: open every page of the built site (docs/dist) in headless Chromium and
 * fail on anything a reader would hit — a console error, a request that fails or leaves
 * localhost, a broken link or #anchor, math KaTeX did not render — then check the phone
 * menu and save screenshots of a lesson page to docs/test-output/.
 *
 * Not part of `npm test` (a learner without Chromium can still run that): it runs from
 * `npm run docs:check`, which builds the site first, and in CI (.ci/run).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { lessons } from "@gradschool/course";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { serveDirectory } from "../src/serve.ts";
import type { RunningServer } from "../src/serve.ts";
import { launchChromium } from "./chromium.ts";
import type { Browser } from "./chromium.ts";

const distDir = fileURLToPath(new URL("../dist/", import.meta.url)).replace(/\/$/, "");
const outputDir = fileURLToPath(new URL("../test-output/", import.meta.url));
const screenshotLesson = lessons.find((lesson) => lesson.folder === "06-mlp") ?? lessons[0];

/** What one page showed: problems by kind, and its links and ids for the link check. */
interface Visit {
  path: string;
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
  katexErrors: number;
  strayDollars: string[];
  links: string[];
  ids: string[];
}

// Runs inside the page (a string, so the test's compiler cannot add helpers the page lacks).
const inspectPage = `(() => {
  const strayDollars = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (!node.textContent.includes("$") || node.parentElement.closest("pre, code, .katex, script, style") !== null) continue;
    const at = node.textContent.indexOf("$");
    strayDollars.push(node.textContent.slice(Math.max(0, at - 40), at + 40).replace(/\\s+/g, " "));
  }
  return {
    katexErrors: document.querySelectorAll(".katex-error").length,
    strayDollars,
    links: [...document.querySelectorAll("a[href]")].map((a) => a.href),
    ids: [...document.querySelectorAll("[id]")].map((element) => element.id),
  };
})()`;

function htmlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [relative(distDir, path)] : [];
  });
}

let server: RunningServer;
let browser: Browser;
const visits: Visit[] = [];

async function visit(page: Page, path: string): Promise<Visit> {
  const result: Visit = { path, consoleErrors: [], failedRequests: [], externalRequests: [], katexErrors: 0, strayDollars: [], links: [], ids: [] };
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === "error") result.consoleErrors.push(message.text());
  };
  const onPageError = (error: Error) => result.consoleErrors.push(error.message);
  const onFailed = (request: { url(): string; failure(): { errorText: string } | null }) =>
    result.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`);
  const onResponse = (response: { status(): number; url(): string }) => {
    if (response.status() < 200 || response.status() >= 300) result.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  };
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  page.on("requestfailed", onFailed);
  page.on("response", onResponse);
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url) || url.startsWith("data:")) return route.continue();
    result.externalRequests.push(url);
    return route.abort();
  });
  await page.goto(server.url + path, { waitUntil: "load" });
  await page.evaluate("document.fonts.ready.then(() => true)");
  Object.assign(result, await page.evaluate(inspectPage));
  page.off("console", onConsole);
  page.off("pageerror", onPageError);
  page.off("requestfailed", onFailed);
  page.off("response", onResponse);
  await page.unroute("**/*");
  return result;
}

beforeAll(async () => {
  if (!existsSync(join(distDir, "index.html"))) {
    throw new Error(`${distDir} has no index.html: build the site first (npm run docs), or run npm run docs:check`);
  }
  server = await serveDirectory(distDir);
  browser = await launchChromium();
  const page = await browser.context.newPage();
  for (const path of htmlFiles(distDir).sort()) visits.push(await visit(page, path));
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const problems = (pick: (visit: Visit) => string[]) => visits.flatMap((v) => pick(v).map((problem) => `${v.path}: ${problem}`));

describe("every page of the built site", () => {
  test("opens every page, lessons and packages included", () => {
    const paths = visits.map((v) => v.path);
    expect(paths).toContain("index.html");
    for (const lesson of lessons) expect(paths).toContain(`lessons/${lesson.folder}.html`);
    expect(paths.filter((path) => path.startsWith("packages/")).length).toBeGreaterThanOrEqual(10);
  });

  test("logs no console error", () => {
    expect(problems((v) => v.consoleErrors)).toEqual([]);
  });

  test("loads every request from the site itself, and every one succeeds", () => {
    expect(problems((v) => [...v.externalRequests.map((url) => `requested ${url}, outside the site`), ...v.failedRequests])).toEqual([]);
  });

  test("every internal link leads to a page of the site, and every #anchor to an element on it", () => {
    const idsByPath = new Map(visits.map((v) => [v.path, new Set(v.ids)]));
    const broken = problems((v) =>
      v.links.flatMap((href) => {
        if (!href.startsWith(server.url)) return [];
        const url = new URL(href);
        const path = decodeURIComponent(url.pathname.slice(1)) || "index.html";
        const ids = idsByPath.get(path) ?? (existsSync(join(distDir, path)) && !path.endsWith(".html") ? new Set<string>() : undefined);
        if (ids === undefined) return [`link ${href} leads to no page`];
        const anchor = decodeURIComponent(url.hash.slice(1));
        return anchor !== "" && !ids.has(anchor) ? [`link ${href}: ${path} has no element with id "${anchor}"`] : [];
      }),
    );
    expect(broken).toEqual([]);
  });

  test("renders all math: no .katex-error, and no $ left in the text outside code", () => {
    const unrendered = problems((v) => [
      ...(v.katexErrors > 0 ? [`${v.katexErrors} .katex-error element${v.katexErrors === 1 ? "" : "s"}`] : []),
      ...v.strayDollars.map((context) => `a $ in the text: "${context}"`),
    ]);
    expect(unrendered).toEqual([]);
  });
});

describe("a lesson page", () => {
  const lessonPath = `lessons/${screenshotLesson.folder}.html`;

  test("lists every lesson in the sidebar, in course order", async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url + lessonPath);
    const titles = await page.locator(".sidebar ol.nav-list a").allTextContents();
    expect(titles.map((title) => title.replace(/\s+/g, " ").trim())).toEqual(lessons.map((l) => `${String(l.number).padStart(2, "0")} ${l.title}`));
    await page.close();
  });

  test("on a phone-width screen, the sidebar hides behind a menu button that opens it", async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url + lessonPath);
    expect(await page.locator("#sidebar").isVisible()).toBe(false);
    await page.locator(".menu-button").click();
    expect(await page.locator("#sidebar").isVisible()).toBe(true);
    await page.close();
  });

  test("screenshots: desktop light and dark, phone, phone with the menu open", async () => {
    mkdirSync(outputDir, { recursive: true });
    const shots: Array<{ name: string; width: number; height: number; dark?: boolean; section?: string; menu?: boolean }> = [
      { name: "lesson-desktop-light.png", width: 1280, height: 900 },
      { name: "lesson-desktop-dark.png", width: 1280, height: 900, dark: true },
      { name: "lesson-output-light.png", width: 1280, height: 900, section: "#captured-output" },
      { name: "lesson-output-dark.png", width: 1280, height: 900, dark: true, section: "#captured-output" },
      { name: "lesson-phone.png", width: 390, height: 844 },
      { name: "lesson-phone-menu.png", width: 390, height: 844, dark: true, menu: true },
    ];
    const saved: string[] = [];
    for (const shot of shots) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: shot.dark === true ? "dark" : "light" });
      await page.setViewportSize({ width: shot.width, height: shot.height });
      await page.goto(server.url + lessonPath + (shot.section ?? ""));
      await page.evaluate("document.fonts.ready.then(() => true)");
      if (shot.menu === true) await page.locator(".menu-button").click();
      const path = join(outputDir, shot.name);
      await page.screenshot({ path });
      expect(statSync(path).size).toBeGreaterThan(10_000);
      saved.push(path);
      await page.close();
    }
    console.log(`screenshots of ${lessonPath}:\n  ${saved.join("\n  ")}`);
  });
});
