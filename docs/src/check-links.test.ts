import { expect, test } from "vitest";
import { findBrokenLinks, idsOf } from "./check-links.ts";

const page = (body: string) => `<!doctype html><link rel="stylesheet" href="../assets/site.css"><body>${body}</body>`;

test("a site whose links all lead somewhere has no broken links", () => {
  const pages = new Map([
    ["index.html", `<a href="lessons/a.html#step-1--x">a</a><a href="https://example.com">out</a><h2 id="top">Top</h2><a href="#top">up</a>`],
    ["lessons/a.html", page(`<h2 id="step-1--x">Step 1 · x</h2><a href="../index.html">home</a><img src="../assets/logo.svg">`)],
  ]);
  expect(findBrokenLinks(pages, new Set(["assets/site.css", "assets/logo.svg"]))).toEqual([]);
});

test("a link to a missing page or a missing #anchor is reported with its page", () => {
  const pages = new Map([
    ["index.html", `<a href="lessons/b.html">b</a><a href="lessons/a.html#step-9">a</a><a href="#nowhere">x</a>`],
    ["lessons/a.html", `<h2 id="step-1">Step 1</h2>`],
  ]);
  expect(findBrokenLinks(pages, new Set())).toEqual([
    'index.html: link "lessons/b.html" leads to lessons/b.html, which the site does not have',
    'index.html: link "lessons/a.html#step-9" points to #step-9, but lessons/a.html has no element with that id',
    'index.html: link "#nowhere" points to #nowhere, but index.html has no element with that id',
  ]);
});

test("idsOf reads ids with HTML entities decoded", () => {
  expect(idsOf(`<h2 id="a&amp;b">x</h2><p id="c">`)).toEqual(new Set(["a&b", "c"]));
});

test("href and id written inside code are text, not links", () => {
  const pages = new Map([["index.html", `<pre><code><span style="color:red">a href="missing.html" id="x"</span></code></pre><a href="#x">x</a>`]]);
  expect(findBrokenLinks(pages, new Set())).toEqual(['index.html: link "#x" points to #x, but index.html has no element with that id']);
});
