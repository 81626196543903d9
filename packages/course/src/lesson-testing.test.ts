import { describe, test, expect, afterAll } from "vitest";
import { join } from "node:path";
import { makeFakeCourse } from "./fake-course.ts";
import { capture, linesNotPrinted, numbersIn, parseNumber, quotedLines, runLessonScript, section } from "./lesson-testing.ts";

describe("runLessonScript", { timeout: 30_000 }, () => {
  const course = makeFakeCourse({
    "00-printing": {
      "lesson.ts": `
import { basename } from "node:path";
console.log(basename(process.cwd()), JSON.stringify(process.argv.slice(2)), process.env.NO_COLOR, process.env.GRADSCHOOL_EXTRA);
console.error("stderr is not part of the output");
`,
    },
    "01-failing": { "lesson.ts": `console.log("step 1"); console.error("loss became NaN at step 3"); process.exitCode = 3;` },
    "02-empty": {},
  });
  afterAll(() => course.remove());
  const lessonDir = (folder: string) => join(course.lessonsDir, folder);

  test("runs lesson.ts inside its folder with NO_COLOR=1 and resolves to its stdout alone", async () => {
    expect(await runLessonScript(lessonDir("00-printing"))).toBe("00-printing [] 1 undefined\n");
  });

  test("passes the lesson its flags and any extra environment variables", async () => {
    const output = await runLessonScript(lessonDir("00-printing"), ["--full", "--seed=3"], { GRADSCHOOL_EXTRA: "yes" });
    expect(output).toBe('00-printing ["--full","--seed=3"] 1 yes\n');
  });

  test("a failing lesson rejects with its exit code and its stderr", async () => {
    await expect(runLessonScript(lessonDir("01-failing"))).rejects.toThrow(
      /^runLessonScript: lesson.ts in .*01-failing exited with code 3; expected exit code 0\. Its stderr:\nloss became NaN at step 3$/,
    );
  });

  test("a folder without lesson.ts is refused before anything runs, naming the folder", async () => {
    await expect(runLessonScript(lessonDir("02-empty"))).rejects.toThrow(/runLessonScript: .*02-empty has no lesson\.ts/);
  });
});

describe("capture", () => {
  const output = "step 10  loss 0.5000\nfitted w = 2.9871 (true 3), b = −0.4962 (true -0.5)\n";

  test("returns the capture groups of the first match", () => {
    expect(capture(output, /fitted w = (\S+) \(true 3\), b = (\S+)/)).toEqual(["2.9871", "−0.4962"]);
    expect(capture(output, /^step (\d+) +loss (\S+)$/m)).toEqual(["10", "0.5000"]);
  });

  test("a missing match fails naming the pattern and the start of the text searched", () => {
    expect(() => capture(output, /accuracy (\d+)%/)).toThrow(/capture: nothing matches \/accuracy \(\\d\+\)%\/ in the text "step 10  loss 0\.5000⏎fitted/);
  });

  test("refuses a g or y pattern, whose lastIndex would make a second call see a different match", () => {
    expect(() => capture(output, /loss (\S+)/g)).toThrow(/capture: \/loss \(\\S\+\)\/g has the g or y flag/);
  });
});

describe("parseNumber", () => {
  test("reads the typographic minus and a sign set apart from its number", () => {
    expect(parseNumber("−0.4962")).toBe(-0.4962);
    expect(parseNumber("− 1.25")).toBe(-1.25);
    expect(parseNumber("+ 0.75")).toBe(0.75);
  });

  test("reads plain numbers, exponents and the special values as Number does", () => {
    expect(parseNumber("-3")).toBe(-3);
    expect(parseNumber("2.5e-7")).toBe(2.5e-7);
    expect(parseNumber("1e+3")).toBe(1000);
    expect(parseNumber("-Infinity")).toBe(-Infinity);
    expect(parseNumber("NaN")).toBeNaN();
  });

  test("text that is not a number is an error, not NaN or 0", () => {
    expect(() => parseNumber("loss")).toThrow(/parseNumber: "loss" is not a number/);
    expect(() => parseNumber("")).toThrow(/parseNumber: "" is not a number/);
    expect(() => parseNumber("−")).toThrow(/parseNumber: "−" is not a number/);
  });
});

describe("numbersIn", () => {
  test("every number of a printed tensor or list, in order", () => {
    expect(numbersIn("tensor([1, 1, 1, 1])")).toEqual([1, 1, 1, 1]);
    expect(numbersIn("[0.1234, −2, 3e-7, -Infinity, NaN]")).toEqual([0.1234, -2, 3e-7, -Infinity, NaN]);
    expect(numbersIn("no numbers here")).toEqual([]);
  });
});

describe("section", () => {
  const output = [
    "── Step 1 · shapes",
    "x is [2, 3]",
    "── Step 2 · training",
    "loss 0.9 → 0.1",
    "Rosenbrock: steps until solved",
    "  SGD 120",
    "Quadratic: steps until solved",
    "  SGD 14",
    " ── a chart legend, not a heading",
    "── Step 3 · the end",
    "done",
  ].join("\n");

  test("from a step heading to the next line that starts with ──", () => {
    expect(section(output, "── Step 1")).toBe("── Step 1 · shapes\nx is [2, 3]");
    expect(section(output, "── Step 2")).toContain(" ── a chart legend, not a heading");
    expect(section(output, "── Step 3")).toBe("── Step 3 · the end\ndone");
  });

  test("from one marker to the first following occurrence of another", () => {
    expect(section(output, "Rosenbrock: steps", "Quadratic: steps")).toBe("Rosenbrock: steps until solved\n  SGD 120\n");
    expect(section(output, "Quadratic", "SGD")).toBe("Quadratic: steps until solved\n  ");
  });

  test("a missing start or end marker is an error that names it", () => {
    expect(() => section(output, "── Step 9")).toThrow(/section: the text has no "── Step 9"; it starts "── Step 1 · shapes⏎x is/);
    expect(() => section(output, "── Step 3", "Step 1")).toThrow(/section: the text has no "Step 1" after "── Step 3"/);
  });
});

describe("quotedLines and linesNotPrinted", () => {
  const readme = [
    "# Lesson",
    "```ts",
    "console.log(loss)",
    "```",
    "The lesson prints:",
    "```text",
    "step 0    loss 1.0000",
    "",
    "...",
    "  step 90   loss 0.0100",
    "```",
    "and later",
    "```text",
    "┌S SGD ─┐",
    "…",
    "```",
  ].join("\n");
  const output = "step 0    loss 1.0000\nstep 50   loss 0.1000\n  step 90   loss 0.0100\n┌S SGD ─┐┌M momentum ─┐\n";

  test("quotedLines keeps every non-blank line of the text blocks as written, leaving out elisions and code", () => {
    expect(quotedLines(readme)).toEqual(["step 0    loss 1.0000", "  step 90   loss 0.0100", "┌S SGD ─┐"]);
  });

  test("linesNotPrinted lists the quoted lines that are not whole printed lines", () => {
    expect(linesNotPrinted(quotedLines(readme), output)).toEqual(["┌S SGD ─┐"]);
    expect(linesNotPrinted(["step 0 loss 1.0000", "step 50   loss 0.1000"], output)).toEqual(["step 0 loss 1.0000"]);
  });

  test("with partial, a quoted line may be the trimmed part of a wider printed line", () => {
    expect(linesNotPrinted(quotedLines(readme), output, { partial: true })).toEqual([]);
    expect(linesNotPrinted(["  loss 0.1000", "loss 0.2000"], output, { partial: true })).toEqual(["loss 0.2000"]);
  });
});
