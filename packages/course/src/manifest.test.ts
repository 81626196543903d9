import { describe, test, expect } from "vitest";
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { lessons, lessonPath, lessonsRoot, repoRoot } from "./manifest.ts";
import { checkManifest } from "./check-manifest.ts";

describe("the course manifest", () => {
  test("matches the lesson folders in lessons/ exactly", () => {
    expect(checkManifest(lessons, lessonsRoot())).toEqual([]);
  });

  test("starts with lesson 00, Tensors", () => {
    expect(lessons[0]).toMatchObject({ number: 0, slug: "tensors", folder: "00-tensors", title: "Tensors" });
  });

  test("lessonsRoot is the lessons folder beside packages/, found from this package's location", () => {
    expect(basename(lessonsRoot())).toBe("lessons");
    expect(existsSync(join(repoRoot(), "packages", "course", "src", "manifest.ts"))).toBe(true);
    expect(join(lessonsRoot(), "..")).toBe(repoRoot());
  });

  test("lessonPath joins the lessons folder and the lesson's folder, or another root when given", () => {
    expect(lessonPath(lessons[0]!)).toBe(join(lessonsRoot(), "00-tensors"));
    expect(lessonPath(lessons[0]!, "/elsewhere/lessons")).toBe(join("/elsewhere/lessons", "00-tensors"));
  });
});
