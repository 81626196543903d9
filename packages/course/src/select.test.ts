import { describe, test, expect } from "vitest";
import { findLesson, selectLesson } from "./select.ts";
import type { LessonEntry } from "./manifest.ts";

const course: LessonEntry[] = [
  { number: 0, slug: "tensors", folder: "00-tensors", title: "Tensors", summary: "Data." },
  { number: 1, slug: "neuron", folder: "01-neuron", title: "Neuron", summary: "One neuron." },
  { number: 2, slug: "activations", folder: "02-activations", title: "Activations", summary: "Curves." },
  { number: 3, slug: "losses", folder: "03-losses", title: "Losses", summary: "Errors." },
];
const nothingDone = new Set<string>();
const lesson = (number: number) => course[number]!;

describe("selectLesson with no arguments", () => {
  test("runs the first lesson when nothing is completed", () => {
    expect(selectLesson([], course, nothingDone)).toEqual({ kind: "run", entry: lesson(0), lessonArgs: [] });
  });

  test("runs the first lesson not yet completed, even past a gap", () => {
    const completed = new Set(["tensors", "activations"]);
    expect(selectLesson([], course, completed)).toEqual({ kind: "run", entry: lesson(1), lessonArgs: [] });
  });

  test("says all done when every lesson is completed", () => {
    const completed = new Set(course.map((entry) => entry.slug));
    expect(selectLesson([], course, completed)).toEqual({ kind: "all-done" });
  });

  test("passes flags to the next lesson: npm start -- --full", () => {
    expect(selectLesson(["--full"], course, nothingDone)).toEqual({ kind: "run", entry: lesson(0), lessonArgs: ["--full"] });
  });
});

describe("selectLesson with a lesson named", () => {
  test("3 and 03 both pick lesson number 3", () => {
    for (const name of ["3", "03"]) {
      expect(selectLesson([name], course, nothingDone)).toEqual({ kind: "run", entry: lesson(3), lessonArgs: [] });
    }
  });

  test("a slug picks that lesson: losses", () => {
    expect(selectLesson(["losses"], course, nothingDone)).toEqual({ kind: "run", entry: lesson(3), lessonArgs: [] });
  });

  test("a folder name picks that lesson: 03-losses", () => {
    expect(selectLesson(["03-losses"], course, nothingDone)).toEqual({ kind: "run", entry: lesson(3), lessonArgs: [] });
  });

  test("names are matched without regard to case: LOSSES", () => {
    expect(selectLesson(["LOSSES"], course, nothingDone)).toMatchObject({ kind: "run", entry: lesson(3) });
  });

  test("a completed lesson can be run again", () => {
    expect(selectLesson(["0"], course, new Set(["tensors"]))).toMatchObject({ kind: "run", entry: lesson(0) });
  });

  test("flags before or after the lesson go to the lesson, in order: 3 --full --epochs=2", () => {
    expect(selectLesson(["--full", "3", "--epochs=2"], course, nothingDone)).toEqual({
      kind: "run",
      entry: lesson(3),
      lessonArgs: ["--full", "--epochs=2"],
    });
  });
});

describe("selectLesson with runner flags", () => {
  test("--list only lists", () => {
    expect(selectLesson(["--list"], course, nothingDone)).toEqual({ kind: "list" });
  });

  test("--reset clears progress", () => {
    expect(selectLesson(["--reset"], course, new Set(["tensors"]))).toEqual({ kind: "reset" });
  });

  test("--help and -h ask for the usage text", () => {
    expect(selectLesson(["--help"], course, nothingDone)).toEqual({ kind: "help" });
    expect(selectLesson(["-h"], course, nothingDone)).toEqual({ kind: "help" });
  });

  test("a runner flag mixed with anything else is an error naming what was received", () => {
    const choice = selectLesson(["--list", "3"], course, nothingDone);
    expect(choice).toEqual({ kind: "error", message: expect.stringMatching(/--list takes nothing else, but received "--list" "3"/) });
  });
});

describe("selectLesson errors", () => {
  test("an unknown number lists the valid numbers and names", () => {
    const choice = selectLesson(["99"], course, nothingDone);
    expect(choice).toEqual({
      kind: "error",
      message: 'npm start: no lesson matches "99"; expected a lesson number or name: 0 tensors, 1 neuron, 2 activations, 3 losses',
    });
  });

  test("an unknown name is an error too", () => {
    expect(selectLesson(["lossess"], course, nothingDone)).toEqual({
      kind: "error",
      message: expect.stringMatching(/no lesson matches "lossess"; .*3 losses/),
    });
  });

  test("a single-dash argument is not a lesson flag and is reported as an unknown lesson", () => {
    expect(selectLesson(["-full"], course, nothingDone)).toMatchObject({ kind: "error", message: expect.stringMatching(/"-full"/) });
  });

  test("two lessons at once is an error that explains how to pass values to a lesson", () => {
    expect(selectLesson(["3", "--epochs", "5"], course, nothingDone)).toEqual({
      kind: "error",
      message: expect.stringMatching(/expected at most one lesson, but received "3" "5"; pass values to a lesson as --name=value/),
    });
  });

  test("an empty course says it has no lessons yet", () => {
    expect(selectLesson(["1"], [], nothingDone)).toEqual({
      kind: "error",
      message: expect.stringMatching(/no lesson matches "1"; the course has no lessons yet/),
    });
  });
});

describe("findLesson", () => {
  test("reads digits as a number, anything else as a slug or folder", () => {
    expect(findLesson("002", course)).toBe(lesson(2));
    expect(findLesson("neuron", course)).toBe(lesson(1));
    expect(findLesson("01-neuron", course)).toBe(lesson(1));
    expect(findLesson("01-losses", course)).toBeUndefined();
  });
});
