/**
 * Checks that the manifest and the lessons/ folders describe the same course.
 *
 * Returns a list of problems, one sentence each, naming what is wrong and how to fix it;
 * an empty list means the manifest is sound. The rules:
 *   - numbers run 0, 1, 2, … in manifest order;
 *   - folder is the two-digit number, a dash and the slug ("03-losses");
 *   - slugs are unique, lowercase, and start with a letter (so "3" always means a number);
 *   - titles and summaries are non-empty, and a summary is one line;
 *   - every entry's folder holds package.json, README.md, lesson.ts and lesson.test.ts;
 *   - every folder under lessons/ with a package.json appears in the manifest exactly once.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { LessonEntry } from "./manifest.ts";

/** The files every lesson folder must hold. */
export const lessonFiles = ["package.json", "README.md", "lesson.ts", "lesson.test.ts"] as const;

/** "3" → "03": the prefix a lesson folder starts with. */
export function twoDigits(lessonNumber: number): string {
  return String(lessonNumber).padStart(2, "0");
}

export function checkManifest(entries: readonly LessonEntry[], lessonsDir: string): string[] {
  const problems: string[] = [];
  const seenSlugs = new Set<string>();

  entries.forEach((entry, position) => {
    const name = `lesson ${JSON.stringify(entry.folder)}`;
    if (entry.number !== position) {
      problems.push(`${name} has number ${entry.number} at position ${position}; expected ${position} (numbers run 0, 1, 2, … in order)`);
    }
    if (!/^[a-z][a-z0-9-]*$/.test(entry.slug)) {
      problems.push(`${name} has slug ${JSON.stringify(entry.slug)}; expected lowercase letters, digits and dashes, starting with a letter`);
    }
    if (seenSlugs.has(entry.slug)) {
      problems.push(`${name} repeats the slug ${JSON.stringify(entry.slug)}; expected every slug to be unique`);
    }
    seenSlugs.add(entry.slug);
    const expectedFolder = `${twoDigits(entry.number)}-${entry.slug}`;
    if (entry.folder !== expectedFolder) {
      problems.push(`${name} should be in folder ${JSON.stringify(expectedFolder)} (two-digit number, dash, slug)`);
    }
    if (entry.title.trim() === "") problems.push(`${name} has an empty title`);
    if (entry.summary.trim() === "") problems.push(`${name} has an empty summary`);
    if (/[\r\n]/.test(entry.summary)) problems.push(`${name} has a summary of several lines; expected one line`);

    for (const file of lessonFiles) {
      if (!existsSync(join(lessonsDir, entry.folder, file))) {
        problems.push(`${name} is missing lessons/${entry.folder}/${file}`);
      }
    }
  });

  if (!existsSync(lessonsDir)) {
    problems.push(`the lessons folder ${lessonsDir} does not exist`);
    return problems;
  }
  const listed = entries.map((entry) => entry.folder);
  for (const folder of readdirSync(lessonsDir).sort()) {
    if (!existsSync(join(lessonsDir, folder, "package.json"))) continue;
    const times = listed.filter((listedFolder) => listedFolder === folder).length;
    if (times === 0) {
      problems.push(`lessons/${folder} has a package.json but is not in the manifest; add it to packages/course/src/manifest.ts in course order`);
    } else if (times > 1) {
      problems.push(`lessons/${folder} is in the manifest ${times} times; expected exactly once`);
    }
  }
  return problems;
}
