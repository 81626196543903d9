/**
 * Test helper: builds a throwaway course tree in the system temp folder, e.g.
 *
 *   const course = makeFakeCourse({ "00-tensors": { "lesson.ts": "console.log('hi')" } });
 *   course.lessonsDir   // /tmp/gradschool-course-XXXX/lessons
 *   course.remove()
 *
 * The tree gets a node_modules link to the real one, so `node --import tsx` works inside it.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./manifest.ts";
import { lessonFiles } from "./check-manifest.ts";

export interface FakeCourse {
  root: string;
  lessonsDir: string;
  progressFile: string;
  remove(): void;
}

/** Each folder gets the given files; `true` means "every file a lesson needs". */
export function makeFakeCourse(folders: Record<string, Record<string, string> | true>): FakeCourse {
  const root = mkdtempSync(join(tmpdir(), "gradschool-course-"));
  const lessonsDir = join(root, "lessons");
  mkdirSync(lessonsDir);
  symlinkSync(join(repoRoot(), "node_modules"), join(root, "node_modules"), "dir");
  for (const [folder, files] of Object.entries(folders)) {
    mkdirSync(join(lessonsDir, folder));
    const contents = files === true ? Object.fromEntries(lessonFiles.map((file) => [file, ""])) : files;
    for (const [file, text] of Object.entries(contents)) writeFileSync(join(lessonsDir, folder, file), text);
  }
  return {
    root,
    lessonsDir,
    progressFile: join(root, ".gradschool-progress.json"),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
