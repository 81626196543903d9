import { describe, expect, test } from "vitest";
import type { LinkTargets } from "./links.ts";
import { codePathTarget, isExternal, relativeHref, resolveRepoPath, rewriteLink } from "./links.ts";

/** A repository with a home page, two lessons and a package, and the source pages made so far. */
function fakeRepo(): LinkTargets & { sourcePages: string[] } {
  const pages: Record<string, string> = {
    "README.md": "index.html",
    "lessons/00-tensors/README.md": "lessons/00-tensors.html",
    "lessons/06-mlp/README.md": "lessons/06-mlp.html",
    "packages/tensor/README.md": "packages/tensor.html",
  };
  const files = new Set([...Object.keys(pages), "packages/tensor/src/gemm.ts", "bench/src/train-mlp.ts"]);
  const directories = new Set(["lessons", "lessons/00-tensors", "lessons/06-mlp", "packages", "packages/tensor", "packages/tensor/src", "bench", "bench/src"]);
  const sourcePages: string[] = [];
  return {
    sourcePages,
    pageFor: (path) => pages[path],
    kindOf: (path) => (files.has(path) ? "file" : directories.has(path) ? "directory" : undefined),
    sourcePageFor: (path) => {
      sourcePages.push(path);
      return `source/${path}.html`;
    },
  };
}

describe("rewriteLink", () => {
  test("a README link becomes a link to that README's page, relative to the page it is on", () => {
    const repo = fakeRepo();
    expect(rewriteLink("lessons/00-tensors/README.md", "README.md", "index.html", repo)).toBe("lessons/00-tensors.html");
    expect(rewriteLink("../06-mlp/README.md", "lessons/00-tensors/README.md", "lessons/00-tensors.html", repo)).toBe("06-mlp.html");
    expect(rewriteLink("../../lessons/00-tensors/README.md", "packages/tensor/README.md", "packages/tensor.html", repo)).toBe("../lessons/00-tensors.html");
    expect(rewriteLink("../../README.md", "lessons/06-mlp/README.md", "lessons/06-mlp.html", repo)).toBe("../index.html");
  });

  test("keeps the #anchor, and links to a folder with a README go to its page", () => {
    const repo = fakeRepo();
    expect(rewriteLink("../06-mlp/README.md#step-3--the-softmax-lives-in-the-loss", "lessons/00-tensors/README.md", "lessons/00-tensors.html", repo)).toBe(
      "06-mlp.html#step-3--the-softmax-lives-in-the-loss",
    );
    expect(rewriteLink("packages/tensor/", "README.md", "index.html", repo)).toBe("packages/tensor.html");
  });

  test("a link to a source file becomes a link to the page that shows it", () => {
    const repo = fakeRepo();
    expect(rewriteLink("src/gemm.ts", "packages/tensor/README.md", "packages/tensor.html", repo)).toBe("../source/packages/tensor/src/gemm.ts.html");
    expect(repo.sourcePages).toEqual(["packages/tensor/src/gemm.ts"]);
  });

  test("external links and anchors on the same page are left alone", () => {
    const repo = fakeRepo();
    for (const href of ["https://no-color.org", "mailto:a@b.c", "//cdn.example.com/x.js", "#step-1"]) {
      expect(rewriteLink(href, "README.md", "index.html", repo)).toBe(href);
    }
    expect(isExternal("http://x")).toBe(true);
    expect(isExternal("../x.md")).toBe(false);
  });

  test("a link to nothing is an error naming the README, the link and where it leads", () => {
    const repo = fakeRepo();
    expect(() => rewriteLink("../07-generalization/README.md", "lessons/06-mlp/README.md", "lessons/06-mlp.html", repo)).toThrow(
      'lessons/06-mlp/README.md: link "../07-generalization/README.md" points to lessons/07-generalization/README.md, which does not exist',
    );
    expect(() => rewriteLink("../../../etc/passwd", "lessons/06-mlp/README.md", "lessons/06-mlp.html", repo)).toThrow(
      'lessons/06-mlp/README.md: link "../../../etc/passwd" leaves the repository',
    );
  });
});

describe("paths", () => {
  test("resolveRepoPath resolves from the README's folder, or from the root for /paths", () => {
    expect(resolveRepoPath("../06-mlp/README.md", "lessons/00-tensors/README.md")).toBe("lessons/06-mlp/README.md");
    expect(resolveRepoPath("/packages/tensor", "lessons/00-tensors/README.md")).toBe("packages/tensor");
    expect(resolveRepoPath("../../..", "lessons/00-tensors/README.md")).toBeUndefined();
  });

  test("relativeHref walks between pages in different folders", () => {
    expect(relativeHref("index.html", "lessons/00-tensors.html")).toBe("lessons/00-tensors.html");
    expect(relativeHref("lessons/00-tensors.html", "index.html")).toBe("../index.html");
    expect(relativeHref("source/packages/tensor/src/gemm.ts.html", "assets/site.css")).toBe("../../../../assets/site.css");
    expect(relativeHref("lessons/00-tensors.html", "lessons/00-tensors.html")).toBe("00-tensors.html");
  });

  test("codePathTarget links code spans that name an existing file or package, and nothing else", () => {
    const repo = fakeRepo();
    expect(codePathTarget("packages/tensor/src/gemm.ts", "lessons/00-tensors/README.md", repo)).toBe("packages/tensor/src/gemm.ts");
    expect(codePathTarget("src/gemm.ts", "packages/tensor/README.md", repo)).toBe("packages/tensor/src/gemm.ts");
    expect(codePathTarget("packages/tensor", "lessons/00-tensors/README.md", repo)).toBe("packages/tensor");
    expect(codePathTarget("packages/mlp/src/fit.ts", "README.md", repo)).toBeUndefined();
    expect(codePathTarget("matmul(a, b)", "README.md", repo)).toBeUndefined();
    expect(codePathTarget("lesson.ts", "README.md", repo)).toBeUndefined();
  });
});
