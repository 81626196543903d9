import { describe, test, expect, afterEach } from "vitest";
import { join } from "node:path";
import { checkManifest, twoDigits } from "./check-manifest.ts";
import { makeFakeCourse, type FakeCourse } from "./fake-course.ts";
import type { LessonEntry } from "./manifest.ts";

function lesson(number: number, slug: string, overrides: Partial<LessonEntry> = {}): LessonEntry {
  return { number, slug, folder: `${twoDigits(number)}-${slug}`, title: slug, summary: `All about ${slug}.`, ...overrides };
}

let course: FakeCourse | undefined;
afterEach(() => course?.remove());

describe("checkManifest", () => {
  test("finds no problem when numbers, folders and files all agree", () => {
    course = makeFakeCourse({ "00-tensors": true, "01-neuron": true });
    expect(checkManifest([lesson(0, "tensors"), lesson(1, "neuron")], course.lessonsDir)).toEqual([]);
  });

  test("numbers must run 0, 1, 2, … in order", () => {
    course = makeFakeCourse({ "00-tensors": true, "02-neuron": true });
    const problems = checkManifest([lesson(0, "tensors"), lesson(2, "neuron")], course.lessonsDir);
    expect(problems).toEqual([expect.stringMatching(/"02-neuron" has number 2 at position 1; expected 1/)]);
  });

  test("the folder must be the two-digit number, a dash and the slug", () => {
    course = makeFakeCourse({ "0-tensors": true });
    const problems = checkManifest([lesson(0, "tensors", { folder: "0-tensors" })], course.lessonsDir);
    expect(problems).toEqual([expect.stringMatching(/"0-tensors" should be in folder "00-tensors"/)]);
  });

  test("slugs must be unique", () => {
    course = makeFakeCourse({ "00-tensors": true, "01-tensors": true });
    const problems = checkManifest([lesson(0, "tensors"), lesson(1, "tensors")], course.lessonsDir);
    expect(problems).toEqual([expect.stringMatching(/repeats the slug "tensors"/)]);
  });

  test("slugs are lowercase and start with a letter, so a bare number always means a lesson number", () => {
    course = makeFakeCourse({ "00-Tensors": true, "01-3d": true });
    const problems = checkManifest([lesson(0, "Tensors"), lesson(1, "3d")], course.lessonsDir);
    expect(problems).toEqual([
      expect.stringMatching(/slug "Tensors"; expected lowercase/),
      expect.stringMatching(/slug "3d"; expected .* starting with a letter/),
    ]);
  });

  test("titles and summaries must be non-empty and a summary one line", () => {
    course = makeFakeCourse({ "00-a": true, "01-b": true });
    const entries = [lesson(0, "a", { title: " ", summary: "" }), lesson(1, "b", { summary: "line one\nline two" })];
    expect(checkManifest(entries, course.lessonsDir)).toEqual([
      expect.stringMatching(/"00-a" has an empty title/),
      expect.stringMatching(/"00-a" has an empty summary/),
      expect.stringMatching(/"01-b" has a summary of several lines/),
    ]);
  });

  test("every entry's folder must hold package.json, README.md, lesson.ts and lesson.test.ts", () => {
    course = makeFakeCourse({ "00-tensors": { "package.json": "{}", "lesson.ts": "" } });
    expect(checkManifest([lesson(0, "tensors")], course.lessonsDir)).toEqual([
      expect.stringMatching(/missing lessons\/00-tensors\/README\.md/),
      expect.stringMatching(/missing lessons\/00-tensors\/lesson\.test\.ts/),
    ]);
  });

  test("an entry whose folder does not exist yet is reported file by file", () => {
    course = makeFakeCourse({});
    const problems = checkManifest([lesson(0, "tensors")], course.lessonsDir);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/missing lessons\/00-tensors\/package\.json/);
  });

  test("a lesson folder with a package.json that the manifest forgot is reported", () => {
    course = makeFakeCourse({ "00-tensors": true, "01-neuron": true });
    expect(checkManifest([lesson(0, "tensors")], course.lessonsDir)).toEqual([
      expect.stringMatching(/lessons\/01-neuron has a package.json but is not in the manifest/),
    ]);
  });

  test("a folder listed twice is reported", () => {
    course = makeFakeCourse({ "00-tensors": true });
    const twice = [lesson(0, "tensors"), lesson(1, "tensors", { folder: "00-tensors" })];
    expect(checkManifest(twice, course.lessonsDir)).toContainEqual(
      expect.stringMatching(/lessons\/00-tensors is in the manifest 2 times; expected exactly once/),
    );
  });

  test("folders without a package.json (notes, caches) are not lessons and are ignored", () => {
    course = makeFakeCourse({ "00-tensors": true, "drafts": { "notes.md": "" } });
    expect(checkManifest([lesson(0, "tensors")], course.lessonsDir)).toEqual([]);
  });

  test("a missing lessons folder is reported by path", () => {
    course = makeFakeCourse({});
    const missing = join(course.root, "no-such-folder");
    expect(checkManifest([], missing)).toEqual([`the lessons folder ${missing} does not exist`]);
  });
});

describe("twoDigits", () => {
  test("pads lesson numbers to two digits: 3 → 03, 11 → 11", () => {
    expect([0, 3, 11].map(twoDigits)).toEqual(["00", "03", "11"]);
  });
});
