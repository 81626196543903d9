import { describe, test, expect } from "vitest";
import {
  allDoneMessage, formatCompleted, formatCourse, formatFailed, formatNext, formatStarting, usage, useColor,
} from "./format.ts";
import type { LessonEntry } from "./manifest.ts";

const course: LessonEntry[] = [
  { number: 0, slug: "tensors", folder: "00-tensors", title: "Tensors", summary: "The data every network is made of." },
  { number: 1, slug: "neuron", folder: "01-neuron", title: "One neuron", summary: "w·x + b, trained by hand." },
  { number: 2, slug: "losses", folder: "02-losses", title: "Losses", summary: "How wrong is wrong?" },
];
const ansi = /\x1b\[/;

describe("formatCourse", () => {
  test("lists every lesson with its two-digit number, title and summary in aligned columns", () => {
    expect(formatCourse(course, new Set(), { color: false })).toBe(
      [
        "gradschool — 0 of 3 lessons completed",
        "",
        "    00  Tensors     The data every network is made of.",
        "    01  One neuron  w·x + b, trained by hand.",
        "    02  Losses      How wrong is wrong?",
      ].join("\n"),
    );
  });

  test("marks completed lessons with ✓ and the lesson about to run with →", () => {
    const table = formatCourse(course, new Set(["tensors"]), { color: false, current: course[1] });
    expect(table.split("\n")).toEqual([
      "gradschool — 1 of 3 lessons completed",
      "",
      "  ✓ 00  Tensors     The data every network is made of.",
      "→   01  One neuron  w·x + b, trained by hand.",
      "    02  Losses      How wrong is wrong?",
    ]);
  });

  test("a completed lesson run again shows both marks", () => {
    const table = formatCourse(course, new Set(["tensors"]), { color: false, current: course[0] });
    expect(table).toContain("→ ✓ 00  Tensors");
  });

  test("without colour there are no escape codes; with colour the same text is wrapped in them", () => {
    const options = { current: course[1] };
    const plain = formatCourse(course, new Set(["tensors"]), { color: false, ...options });
    const colored = formatCourse(course, new Set(["tensors"]), { color: true, ...options });
    expect(plain).not.toMatch(ansi);
    expect(colored).toMatch(ansi);
    expect(colored.replace(/\x1b\[\d+m/g, "")).toBe(plain);
  });

  test("an empty course still prints its heading", () => {
    expect(formatCourse([], new Set(), { color: false })).toBe("gradschool — 0 of 0 lessons completed\n");
  });
});

describe("useColor", () => {
  test("colours only a terminal", () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({}, {})).toBe(false);
  });

  test("NO_COLOR with any non-empty value turns colour off, as no-color.org asks", () => {
    expect(useColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
  });
});

describe("messages around a run", () => {
  test("the next step names the first lesson not yet completed", () => {
    expect(formatNext(course, new Set(["tensors"]))).toBe("Next: npm start  → lesson 01 · One neuron");
    expect(formatNext(course, new Set(["neuron"]))).toBe("Next: npm start  → lesson 00 · Tensors");
  });

  test("when every lesson is completed the next step says so", () => {
    expect(formatNext(course, new Set(["tensors", "neuron", "losses"]))).toBe(allDoneMessage);
    expect(allDoneMessage).toBe("You have finished every lesson.");
  });

  test("starting a lesson names it, its folder and the flags it was given", () => {
    expect(formatStarting(course[2]!, ["--full"], false)).toBe("Lesson 02 · Losses (lessons/02-losses) with --full");
    expect(formatStarting(course[2]!, [], false)).toBe("Lesson 02 · Losses (lessons/02-losses)");
  });

  test("a completed lesson is announced with ✓", () => {
    expect(formatCompleted(course[0]!, false)).toBe("✓ Lesson 00 · Tensors completed.");
  });

  test("a failed lesson gives its exit code, says it is not marked and how to rerun it", () => {
    const message = formatFailed(course[2]!, 3, false);
    expect(message).toMatch(/^✗ Lesson 02 · Losses stopped with exit code 3, so it is not marked completed\./);
    expect(message).toMatch(/run it again: npm start -- 2$/);
  });

  test("the usage text shows every command from the README", () => {
    for (const command of ["npm start ", "npm start -- 3", "npm start -- 6 --full", "npm start -- --list", "npm start -- --reset"]) {
      expect(usage).toContain(command);
    }
  });
});
