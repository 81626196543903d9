/**
 * The build's first phase: make sure every lesson's capture is up to date. turbo runs each
 * lesson's `capture` script (capture.ts) and caches the result on the lesson's files and the
 * sources of the packages it uses, so a lesson nothing changed in is restored, not re-run.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { LessonEntry } from "@gradschool/course";

/** The script every lesson's package.json has, word for word. */
export const captureScript = "tsx ../../docs/src/capture.ts";

/** Throws, naming each lesson, if a lesson the manifest lists has no `capture` script. */
export function checkCaptureScripts(root: string, lessons: readonly LessonEntry[]): void {
  const missing = lessons.filter((lesson) => {
    const manifest = JSON.parse(readFileSync(join(root, "lessons", lesson.folder, "package.json"), "utf8")) as { scripts?: Record<string, string> };
    return manifest.scripts?.capture === undefined;
  });
  if (missing.length === 0) return;
  const files = missing.map((lesson) => `lessons/${lesson.folder}/package.json`).join(", ");
  throw new Error(
    `${files} ${missing.length === 1 ? "has" : "have"} no "capture" script, so the docs cannot show what ` +
      `${missing.length === 1 ? "the lesson prints" : "those lessons print"}. Add\n    "capture": "${captureScript}"\n` +
      `  to its "scripts", as every lesson has.`,
  );
}

/** Runs `turbo run capture` for the lessons, two at a time on two cores; throws if any fails. */
export function runCaptures(root: string, lessons: readonly LessonEntry[]): void {
  const filters = lessons.map((lesson) => `--filter=./lessons/${lesson.folder}`);
  const args = ["--no-install", "turbo", "run", "capture", ...filters, "--output-logs=new-only", `--concurrency=${Math.max(1, availableParallelism())}`];
  const result = spawnSync("npx", args, { cwd: root, stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    throw new Error(`capturing the lessons failed (turbo exited with ${result.status ?? result.signal}); the lesson's own error is above`);
  }
}
