import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { fileFor, serveDirectory } from "./serve.ts";
import type { RunningServer } from "./serve.ts";

const root = mkdtempSync(join(tmpdir(), "docs-serve-"));
let server: RunningServer;

beforeAll(async () => {
  mkdirSync(join(root, "lessons"));
  writeFileSync(join(root, "index.html"), "<h1>home</h1>");
  writeFileSync(join(root, "lessons", "00-tensors.html"), "<h1>tensors</h1>");
  server = await serveDirectory(root);
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

test("serves the site on 127.0.0.1, / as index.html, with content types", async () => {
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const home = await fetch(server.url);
  expect(home.status).toBe(200);
  expect(home.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(await home.text()).toBe("<h1>home</h1>");
  expect(await (await fetch(`${server.url}lessons/00-tensors.html#step-1`)).text()).toBe("<h1>tensors</h1>");
});

test("a missing file is a 404", async () => {
  const missing = await fetch(`${server.url}lessons/99-none.html`);
  expect(missing.status).toBe(404);
});

test("a path that climbs out of the folder is refused", () => {
  expect(fileFor(root, "/../../etc/passwd")).toBeUndefined();
  expect(fileFor(root, "/%2e%2e/%2e%2e/etc/passwd")).toBeUndefined();
  expect(fileFor(root, "/lessons/")).toBeUndefined();
  expect(fileFor(root, "/")).toBe(join(root, "index.html"));
});
