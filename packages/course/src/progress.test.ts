import { describe, test, expect, afterEach } from "vitest";
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { basename, join } from "node:path";
import { defaultProgressFile, loadProgress, markCompleted, resetProgress, saveProgress } from "./progress.ts";
import { makeFakeCourse, type FakeCourse } from "./fake-course.ts";
import { repoRoot } from "./manifest.ts";

let course: FakeCourse | undefined;
afterEach(() => course?.remove());
function progressFile(): string {
  course = makeFakeCourse({});
  return course.progressFile;
}

describe("progress", () => {
  test("lives in .gradschool-progress.json at the repository root", () => {
    expect(defaultProgressFile()).toBe(join(repoRoot(), ".gradschool-progress.json"));
  });

  test("a missing file means nothing is completed, without a warning", () => {
    expect(loadProgress(progressFile())).toEqual({ completed: new Set() });
  });

  test("round trip: what is saved is loaded back, duplicates dropped", () => {
    const file = progressFile();
    saveProgress(["tensors", "neuron", "tensors"], file);
    expect(loadProgress(file)).toEqual({ completed: new Set(["tensors", "neuron"]) });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ completed: ["tensors", "neuron"] });
  });

  test("markCompleted adds one lesson to what was there and returns the new set", () => {
    const file = progressFile();
    saveProgress(["tensors"], file);
    expect(markCompleted("neuron", file)).toEqual(new Set(["tensors", "neuron"]));
    expect(loadProgress(file).completed).toEqual(new Set(["tensors", "neuron"]));
  });

  test("a file that is not JSON is treated as empty, with a warning naming the file", () => {
    const file = progressFile();
    writeFileSync(file, '{ "completed": ["tensors", ');
    const progress = loadProgress(file);
    expect(progress.completed).toEqual(new Set());
    expect(progress.warning).toMatch(new RegExp(`progress file .*${basename(file)} is not valid JSON`));
    expect(progress.warning).toMatch(/npm start -- --reset/);
  });

  test("JSON of the wrong shape is treated as empty, with a warning showing the right shape", () => {
    const file = progressFile();
    for (const text of ["null", "[]", '{ "completed": "tensors" }', '{ "completed": [1, 2] }']) {
      writeFileSync(file, text);
      const progress = loadProgress(file);
      expect(progress.completed).toEqual(new Set());
      expect(progress.warning).toMatch(/should look like \{ "completed": \["tensors", …\] \}/);
    }
  });

  test("a file that cannot be read (here a folder) is treated as empty, with a warning", () => {
    const file = progressFile();
    mkdirSync(file);
    const progress = loadProgress(file);
    expect(progress.completed).toEqual(new Set());
    expect(progress.warning).toMatch(/cannot be read/);
  });

  test("after a damaged file, the next completed lesson writes a sound one", () => {
    const file = progressFile();
    writeFileSync(file, "garbage");
    markCompleted("tensors", file);
    expect(loadProgress(file)).toEqual({ completed: new Set(["tensors"]) });
  });

  test("saving writes through a temporary file and leaves only the progress file behind", () => {
    const file = progressFile();
    saveProgress(["tensors"], file);
    saveProgress(["tensors", "neuron"], file);
    expect(readdirSync(course!.root).sort()).toEqual([".gradschool-progress.json", "lessons", "node_modules"]);
  });

  test("a failed save names the file and leaves no temporary file", () => {
    const file = join(progressFile(), "..", "no-such-folder", "progress.json");
    expect(() => saveProgress(["tensors"], file)).toThrow(/saveProgress: could not write .*no-such-folder/);
    expect(readdirSync(course!.root).sort()).toEqual(["lessons", "node_modules"]);
  });

  test("reset forgets everything, and resetting twice is harmless", () => {
    const file = progressFile();
    saveProgress(["tensors"], file);
    resetProgress(file);
    expect(existsSync(file)).toBe(false);
    resetProgress(file);
    expect(loadProgress(file).completed).toEqual(new Set());
  });
});
