import { describe, test, expect, afterEach } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { makeFakeCourse, type FakeCourse } from "./fake-course.ts";
import { lessons, repoRoot } from "./manifest.ts";
import { formatNext } from "./format.ts";

// End to end: `npm start` is `tsx packages/course/src/cli.ts`; here the real manifest
// runs against a fake lessons/ folder whose lesson.ts files only print. The expectations
// are worked out from the manifest, so they hold however many lessons it lists.
const cliPath = fileURLToPath(new URL("./cli.ts", import.meta.url));
const printingLesson = `
import { basename } from "node:path";
console.log("hello from " + basename(process.cwd()) + " " + JSON.stringify(process.argv.slice(2)));
`;

let course: FakeCourse | undefined;
afterEach(() => course?.remove());

const allSlugs = lessons.map((entry) => entry.slug);

/** Every manifest lesson gets a folder; lesson 00's lesson.ts is `lessonSource` (none if undefined). */
function fakeCourse(lessonSource: string | undefined): FakeCourse {
  const folders: Record<string, Record<string, string>> = {};
  for (const entry of lessons) folders[entry.folder] = { "lesson.ts": printingLesson };
  folders["00-tensors"] = lessonSource === undefined ? {} : { "lesson.ts": lessonSource };
  course = makeFakeCourse(folders);
  return course;
}

function npmStart(fake: FakeCourse, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", cliPath, ...args], {
    cwd: repoRoot(),
    encoding: "utf8",
    env: {
      ...process.env,
      NO_COLOR: "1",
      GRADSCHOOL_LESSONS_DIR: fake.lessonsDir,
      GRADSCHOOL_PROGRESS_FILE: fake.progressFile,
    },
  });
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

function savedProgress(fake: FakeCourse): unknown {
  return existsSync(fake.progressFile) ? JSON.parse(readFileSync(fake.progressFile, "utf8")) : undefined;
}

describe("npm start, end to end", { timeout: 30_000 }, () => {
  test("runs the next lesson in its own folder with its flags, then marks it completed and says what is next", () => {
    const fake = fakeCourse(printingLesson);
    const run = npmStart(fake, "--full");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("→   00  Tensors");
    expect(run.stdout).toContain('hello from 00-tensors ["--full"]');
    expect(run.stdout).toContain(`✓ Lesson 00 · Tensors completed.\n${formatNext(lessons, new Set(["tensors"]))}`);
    expect(savedProgress(fake)).toEqual({ completed: ["tensors"] });
  });

  test("a failing lesson passes on its exit code and is not marked completed", () => {
    const fake = fakeCourse(`console.error("something broke"); process.exitCode = 3;`);
    const run = npmStart(fake, "0");
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain("something broke");
    expect(run.stderr).toContain("✗ Lesson 00 · Tensors stopped with exit code 3, so it is not marked completed.");
    expect(savedProgress(fake)).toBeUndefined();
  });

  test("--list shows progress without running anything, and --reset clears it", () => {
    const fake = fakeCourse(printingLesson);
    writeFileSync(fake.progressFile, JSON.stringify({ completed: ["tensors"] }));
    const listed = npmStart(fake, "--list");
    expect(listed.exitCode).toBe(0);
    expect(listed.stdout).toContain(`1 of ${lessons.length} lessons completed`);
    expect(listed.stdout).toContain("  ✓ 00  Tensors");
    expect(listed.stdout).not.toContain("hello from");

    const reset = npmStart(fake, "--reset");
    expect(reset.exitCode).toBe(0);
    expect(reset.stdout).toContain("Progress cleared.");
    expect(savedProgress(fake)).toBeUndefined();
  });

  test("when every lesson is completed, npm start says so and runs nothing", () => {
    const fake = fakeCourse(printingLesson);
    writeFileSync(fake.progressFile, JSON.stringify({ completed: allSlugs }));
    const run = npmStart(fake);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("You have finished every lesson.");
    expect(run.stdout).not.toContain("hello from");
  });

  test("an unknown lesson exits with code 2 and lists the lessons there are", () => {
    const run = npmStart(fakeCourse(printingLesson), "99");
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('npm start: no lesson matches "99"; expected a lesson number or name: 0 tensors');
    for (const entry of lessons) expect(run.stderr).toContain(`${entry.number} ${entry.slug}`);
  });

  test("a damaged progress file is a warning, not a crash", () => {
    const fake = fakeCourse(printingLesson);
    writeFileSync(fake.progressFile, "{ not json");
    const run = npmStart(fake);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/warning: the progress file .* is not valid JSON/);
    expect(savedProgress(fake)).toEqual({ completed: ["tensors"] });
  });

  test("a manifest entry without its lesson.ts is reported by path, without a stack trace", () => {
    const run = npmStart(fakeCourse(undefined));
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^runLesson: lesson 0 \(tensors\) has no .*00-tensors\/lesson\.ts/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
