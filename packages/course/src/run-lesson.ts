/**
 * Runs one lesson exactly as a learner would by hand:
 *
 *   cd lessons/03-losses && node --import tsx lesson.ts [--flags]
 *
 * The lesson shares this terminal (stdio inherited), so its charts and colours come
 * through untouched. Resolves to the lesson's exit code; a lesson killed by a signal
 * gets the shell's convention, 128 + the signal number.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { constants } from "node:os";
import { join } from "node:path";
import { lessonPath, type LessonEntry } from "./manifest.ts";

export async function runLesson(
  entry: LessonEntry,
  lessonArgs: readonly string[],
  lessonsDir: string,
): Promise<number> {
  const folder = lessonPath(entry, lessonsDir);
  if (!existsSync(join(folder, "lesson.ts"))) {
    throw new Error(
      `runLesson: lesson ${entry.number} (${entry.slug}) has no ${join(folder, "lesson.ts")}; ` +
        `expected every lesson in the manifest to have a folder with a lesson.ts`,
    );
  }

  const child = spawn(process.execPath, ["--import", "tsx", "lesson.ts", ...lessonArgs], {
    cwd: folder,
    stdio: "inherit",
  });
  // Ctrl-C reaches the lesson too; let it finish (or stop) before we report, instead of dying first.
  const ignoreInterrupt = () => {};
  process.on("SIGINT", ignoreInterrupt);
  try {
    return await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 + constants.signals[signal] : 1)));
    });
  } finally {
    process.off("SIGINT", ignoreInterrupt);
  }
}
