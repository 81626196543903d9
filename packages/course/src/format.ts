/**
 * Everything the runner prints, as plain strings. The marks carry the meaning
 * (✓ completed, → the lesson about to run), so the text reads the same without colour;
 * colour is only an extra, used when stdout is a terminal and NO_COLOR is not set.
 */
import type { LessonEntry } from "./manifest.ts";
import { twoDigits } from "./check-manifest.ts";

export interface CourseTableOptions {
  color: boolean;
  /** The lesson about to run, pointed at with "→". */
  current?: LessonEntry;
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env["NO_COLOR"];
  return stream.isTTY === true && (noColor === undefined || noColor === "");
}

/**
 * The course as a table:
 *
 *   gradschool — 1 of 2 lessons completed
 *
 *     ✓ 00  Tensors  Shapes, broadcasting, …
 *   →   01  Neuron   One neuron, trained by hand.
 */
export function formatCourse(
  entries: readonly LessonEntry[],
  completed: ReadonlySet<string>,
  { color, current }: CourseTableOptions,
): string {
  const paint = painter(color);
  const doneCount = entries.filter((entry) => completed.has(entry.slug)).length;
  const titleWidth = Math.max(0, ...entries.map((entry) => entry.title.length));
  const rows = entries.map((entry) => {
    const pointer = entry === current ? "→" : " ";
    const check = completed.has(entry.slug) ? paint.green("✓") : " ";
    const title = entry.title.padEnd(titleWidth);
    const start = `${pointer} ${check} ${twoDigits(entry.number)}  ${title}  `;
    return entry === current ? paint.bold(start + entry.summary) : start + paint.dim(entry.summary);
  });
  const heading = paint.bold(`gradschool — ${doneCount} of ${entries.length} lessons completed`);
  return [heading, "", ...rows].join("\n");
}

/** Printed just before a lesson starts. */
export function formatStarting(entry: LessonEntry, lessonArgs: readonly string[], color: boolean): string {
  const extra = lessonArgs.length > 0 ? ` with ${lessonArgs.join(" ")}` : "";
  return painter(color).bold(`Lesson ${twoDigits(entry.number)} · ${entry.title} (lessons/${entry.folder})${extra}`);
}

/** Printed after a lesson exits with code 0. */
export function formatCompleted(entry: LessonEntry, color: boolean): string {
  return `${painter(color).green("✓")} Lesson ${twoDigits(entry.number)} · ${entry.title} completed.`;
}

/** Printed after a lesson fails; the lesson is not marked completed. */
export function formatFailed(entry: LessonEntry, exitCode: number, color: boolean): string {
  return (
    `${painter(color).red("✗")} Lesson ${twoDigits(entry.number)} · ${entry.title} stopped with exit code ${exitCode}, ` +
    `so it is not marked completed. Read the message above, then run it again: npm start -- ${entry.number}`
  );
}

/** What `npm start` will do next: the first lesson not yet completed. */
export function formatNext(entries: readonly LessonEntry[], completed: ReadonlySet<string>): string {
  const next = entries.find((entry) => !completed.has(entry.slug));
  if (next === undefined) return allDoneMessage;
  return `Next: npm start  → lesson ${twoDigits(next.number)} · ${next.title}`;
}

export const allDoneMessage = "You have finished every lesson.";

export const allDoneHint =
  "Run any lesson again with npm start -- <number>, or start over with npm start -- --reset.";

export const usage = `Usage: npm start [-- <lesson> [--flags]]

  npm start                 run the first lesson you have not completed
  npm start -- 3            run lesson 3 (also 03, losses or 03-losses)
  npm start -- 6 --full     pass --full (any --flag or --flag=value) to the lesson
  npm start -- --list       show the course and your progress
  npm start -- --reset      forget which lessons you have completed
  npm start -- --help       show this help`;

function painter(color: boolean) {
  const wrap = (open: number, close: number) => (text: string) =>
    color ? `\x1b[${open}m${text}\x1b[${close}m` : text;
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), red: wrap(31, 39) };
}
