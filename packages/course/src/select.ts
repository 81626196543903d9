/**
 * Decides what `npm start -- <args>` should do. A pure function: no files, no output.
 *
 *   (nothing)        the first lesson not yet completed, or "all done"
 *   3  or  03        lesson number 3
 *   losses           lesson by slug
 *   03-losses        lesson by folder
 *   --list           print the course and stop
 *   --reset          forget all progress
 *   --help, -h       print how to use the runner
 *   --anything-else  passed through to the lesson (`npm start -- 6 --full`)
 *
 * Flags for a lesson take their value after "=" (`--epochs=3`), because a bare "3" would
 * name lesson 3.
 */
import type { LessonEntry } from "./manifest.ts";

export type Selection =
  | { kind: "run"; entry: LessonEntry; lessonArgs: string[] }
  | { kind: "list" }
  | { kind: "reset" }
  | { kind: "help" }
  | { kind: "all-done" }
  | { kind: "error"; message: string };

const runnerFlags = ["--list", "--reset", "--help", "-h"];

export function selectLesson(
  args: readonly string[],
  entries: readonly LessonEntry[],
  completed: ReadonlySet<string>,
): Selection {
  const ownFlags = args.filter((arg) => runnerFlags.includes(arg));
  const lessonArgs = args.filter((arg) => arg.startsWith("--") && !runnerFlags.includes(arg));
  const names = args.filter((arg) => !arg.startsWith("--") && !runnerFlags.includes(arg));

  if (ownFlags.length > 0) {
    if (args.length > 1) {
      return { kind: "error", message: `npm start: ${ownFlags[0]} takes nothing else, but received ${quoteAll(args)}` };
    }
    if (ownFlags[0] === "--list") return { kind: "list" };
    if (ownFlags[0] === "--reset") return { kind: "reset" };
    return { kind: "help" };
  }

  if (names.length > 1) {
    return {
      kind: "error",
      message: `npm start: expected at most one lesson, but received ${quoteAll(names)}; ` +
        `pass values to a lesson as --name=value`,
    };
  }

  if (names.length === 0) {
    const next = entries.find((entry) => !completed.has(entry.slug));
    return next === undefined ? { kind: "all-done" } : { kind: "run", entry: next, lessonArgs };
  }

  const entry = findLesson(names[0]!, entries);
  if (entry === undefined) {
    return { kind: "error", message: `npm start: no lesson matches ${JSON.stringify(names[0])}; ${validChoices(entries)}` };
  }
  return { kind: "run", entry, lessonArgs };
}

/** Finds a lesson by number ("3", "03"), slug ("losses") or folder ("03-losses"). */
export function findLesson(name: string, entries: readonly LessonEntry[]): LessonEntry | undefined {
  const wanted = name.toLowerCase();
  if (/^\d+$/.test(wanted)) return entries.find((entry) => entry.number === Number(wanted));
  return entries.find((entry) => entry.slug === wanted || entry.folder === wanted);
}

function validChoices(entries: readonly LessonEntry[]): string {
  if (entries.length === 0) return "the course has no lessons yet";
  const choices = entries.map((entry) => `${entry.number} ${entry.slug}`).join(", ");
  return `expected a lesson number or name: ${choices}`;
}

function quoteAll(args: readonly string[]): string {
  return args.map((arg) => JSON.stringify(arg)).join(" ");
}
