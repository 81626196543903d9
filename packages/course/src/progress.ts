/**
 * Remembers which lessons a learner has finished, in `.gradschool-progress.json` at the
 * repository root (git-ignored, so it stays on the learner's machine):
 *
 *   { "completed": ["tensors", "neuron"] }
 *
 * Entries are lesson slugs. A missing file means nothing is completed yet. A damaged file
 * must never stop the course: it is reported as a warning and treated as empty, and the
 * next completed lesson writes a fresh one. Writes go to a temporary file that is then
 * renamed over the old one, so an interrupted write cannot leave half a file behind.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./manifest.ts";

export interface Progress {
  /** Slugs of the completed lessons. */
  completed: Set<string>;
  /** Set when the file existed but could not be used; say it to the learner. */
  warning?: string;
}

export function defaultProgressFile(): string {
  return join(repoRoot(), ".gradschool-progress.json");
}

export function loadProgress(file: string = defaultProgressFile()): Progress {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (isErrorCode(error, "ENOENT")) return { completed: new Set() };
    return unusable(file, `cannot be read: ${errorMessage(error)}`);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return unusable(file, `is not valid JSON: ${errorMessage(error)}`);
  }
  const completed = (parsed as { completed?: unknown } | null)?.completed;
  if (!Array.isArray(completed) || !completed.every((slug) => typeof slug === "string")) {
    return unusable(file, `should look like { "completed": ["tensors", …] }`);
  }
  return { completed: new Set(completed) };
}

export function saveProgress(completed: Iterable<string>, file: string = defaultProgressFile()): void {
  const text = `${JSON.stringify({ completed: [...new Set(completed)] }, null, 2)}\n`;
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file); // atomic on one filesystem: readers see the old file or the new one
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new Error(`saveProgress: could not write ${file}: ${errorMessage(error)}`);
  }
}

/** Adds one slug to the saved progress and returns the new set. */
export function markCompleted(slug: string, file: string = defaultProgressFile()): Set<string> {
  const { completed } = loadProgress(file);
  completed.add(slug);
  saveProgress(completed, file);
  return completed;
}

/** Forgets every completed lesson. */
export function resetProgress(file: string = defaultProgressFile()): void {
  rmSync(file, { force: true });
}

function unusable(file: string, reason: string): Progress {
  return {
    completed: new Set(),
    warning:
      `warning: the progress file ${file} ${reason}. ` +
      `Carrying on as if no lesson were completed; \`npm start -- --reset\` removes it.`,
  };
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
