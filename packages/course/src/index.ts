export { lessons, repoRoot, lessonsRoot, lessonPath } from "./manifest.ts";
export type { LessonEntry } from "./manifest.ts";
export { checkManifest, lessonFiles, twoDigits } from "./check-manifest.ts";
export { loadProgress, saveProgress, markCompleted, resetProgress, defaultProgressFile } from "./progress.ts";
export type { Progress } from "./progress.ts";
export { selectLesson, findLesson } from "./select.ts";
export type { Selection } from "./select.ts";
export {
  formatCourse, formatStarting, formatCompleted, formatFailed, formatNext, useColor,
  allDoneMessage, allDoneHint, usage,
} from "./format.ts";
export type { CourseTableOptions } from "./format.ts";
export { runLesson } from "./run-lesson.ts";
export { runLessonScript, capture, parseNumber, numbersIn, section, quotedLines, linesNotPrinted } from "./lesson-testing.ts";
