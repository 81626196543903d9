/**
 * `npm start` — the course runner. Shows the course, runs the chosen lesson (by default
 * the first one not yet completed) and remembers it once it succeeds.
 * The decisions live in select.ts, the memory in progress.ts, the wording in format.ts.
 *
 * Tests point it at a fake course with GRADSCHOOL_LESSONS_DIR and GRADSCHOOL_PROGRESS_FILE.
 */
import { lessons, lessonsRoot } from "./manifest.ts";
import { defaultProgressFile, loadProgress, markCompleted, resetProgress } from "./progress.ts";
import { selectLesson } from "./select.ts";
import { runLesson } from "./run-lesson.ts";
import * as say from "./format.ts";

async function main(args: string[]): Promise<number> {
  const lessonsDir = process.env["GRADSCHOOL_LESSONS_DIR"] ?? lessonsRoot();
  const progressFile = process.env["GRADSCHOOL_PROGRESS_FILE"] ?? defaultProgressFile();
  const color = say.useColor(process.stdout, process.env);

  const progress = loadProgress(progressFile);
  if (progress.warning !== undefined) console.warn(progress.warning);
  const choice = selectLesson(args, lessons, progress.completed);

  switch (choice.kind) {
    case "help":
      console.log(say.usage);
      return 0;
    case "error":
      console.error(`${choice.message}\n(npm start -- --help lists every command)`);
      return 2;
    case "list":
      console.log(say.formatCourse(lessons, progress.completed, { color }));
      return 0;
    case "reset":
      resetProgress(progressFile);
      console.log(`${say.formatCourse(lessons, new Set(), { color })}\n\nProgress cleared.`);
      return 0;
    case "all-done":
      console.log(say.formatCourse(lessons, progress.completed, { color }));
      console.log(`\n${say.allDoneMessage} ${say.allDoneHint}`);
      return 0;
    case "run": {
      const { entry, lessonArgs } = choice;
      console.log(say.formatCourse(lessons, progress.completed, { color, current: entry }));
      console.log(`\n${say.formatStarting(entry, lessonArgs, color)}\n`);
      const exitCode = await runLesson(entry, lessonArgs, lessonsDir);
      if (exitCode !== 0) {
        console.error(`\n${say.formatFailed(entry, exitCode, color)}`);
        return exitCode;
      }
      const completed = markCompleted(entry.slug, progressFile);
      console.log(`\n${say.formatCompleted(entry, color)}\n${say.formatNext(lessons, completed)}`);
      return 0;
    }
  }
}

main(process.argv.slice(2)).then(
  (exitCode) => (process.exitCode = exitCode),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
