import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { checkCaptureScripts } from "./capture-task.ts";
import { parseCharts, readCapture, renderCaptureSection } from "./captures.ts";

const folder = mkdtempSync(join(tmpdir(), "docs-captures-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const lesson = { number: 0, slug: "tensors", folder: "00-tensors", title: "Tensors", summary: "" };
const chartLine = JSON.stringify({ title: "Fit", series: { loss: [3, 1, null] }, logScale: true, xLabel: "step", xRange: [0, 2] });

describe("reading a capture", () => {
  test("reads the output, the charts and the run time from .docs-output", () => {
    const lessonDir = join(folder, "00-tensors");
    mkdirSync(join(lessonDir, ".docs-output"), { recursive: true });
    writeFileSync(join(lessonDir, ".docs-output", "output.txt"), "hello\n");
    writeFileSync(join(lessonDir, ".docs-output", "charts.jsonl"), `${chartLine}\n\n${chartLine}\n`);
    writeFileSync(join(lessonDir, ".docs-output", "meta.json"), '{"seconds": 2.5}');
    const capture = readCapture(lessonDir, "lessons/00-tensors");
    expect(capture.output).toBe("hello\n");
    expect(capture.charts).toHaveLength(2);
    expect(capture.seconds).toBe(2.5);
    const section = renderCaptureSection(lesson, capture);
    expect(section).toContain("which took 2.5 s");
    expect(section.match(/<figure class="chart"/g)).toHaveLength(2);
  });

  test("a lesson with no captured output is an error saying how to capture it", () => {
    expect(() => readCapture(join(folder, "missing"), "lessons/07-generalization")).toThrow(
      "lessons/07-generalization has no captured output (.docs-output/output.txt); run `npm run capture` in lessons/07-generalization",
    );
  });

  test("a chart line that is not a chart record is an error naming the file and line", () => {
    expect(() => parseCharts(`${chartLine}\n{not json`, "charts.jsonl")).toThrow(/^charts\.jsonl:2: not JSON/);
    expect(() => parseCharts('{"series":{"a":["x"]},"logScale":false,"xLabel":"step","xRange":[1,2]}', "c.jsonl")).toThrow(
      'c.jsonl:1: series "a" must be an array of numbers (null for a gap)',
    );
    expect(() => parseCharts('{"series":{"a":[1]},"logScale":false,"xLabel":"step"}', "c.jsonl")).toThrow("c.jsonl:1: expected xRange, [from, to]");
  });
});

test("a lesson without a capture script fails the build with the line to add", () => {
  const root = join(folder, "repo");
  for (const [name, scripts] of [["00-tensors", { start: "tsx lesson.ts", capture: "tsx ../../docs/src/capture.ts" }], ["08-cnn", { start: "tsx lesson.ts" }]] as const) {
    mkdirSync(join(root, "lessons", name), { recursive: true });
    writeFileSync(join(root, "lessons", name, "package.json"), JSON.stringify({ scripts }));
  }
  const entries = [lesson, { number: 8, slug: "cnn", folder: "08-cnn", title: "CNN", summary: "" }];
  expect(() => checkCaptureScripts(root, entries.slice(0, 1))).not.toThrow();
  expect(() => checkCaptureScripts(root, entries)).toThrow(
    'lessons/08-cnn/package.json has no "capture" script, so the docs cannot show what the lesson prints. Add\n    "capture": "tsx ../../docs/src/capture.ts"',
  );
});
