/**
 * Helpers for a lesson's lesson.test.ts, which checks the lesson's claims by reading what it prints:
 *
 *   const output = await runLessonScript(lessonDir);                 // run it as a learner does
 *   const [w, b] = capture(output, /fitted w = (\S+), b = (\S+)/);   // pick numbers out of a line
 *   const step3 = section(output, "── Step 3");                     // one step's text
 *   expect(linesNotPrinted(quotedLines(readme), output)).toEqual([]); // the README quotes real output
 */
import { execFile, type ExecFileException } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** Room for the longest lesson output (a few hundred KB with every chart); execFile's default is 1 MiB. */
const maxOutputBytes = 64 * 1024 * 1024;

/**
 * Runs `node --import tsx lesson.ts [args]` inside `lessonDir`, as `npm start` does, with NO_COLOR=1
 * (and any `env` on top), and resolves to what it printed on stdout. A run that fails rejects with
 * its exit code and its stderr, so the test report shows why.
 */
export async function runLessonScript(
  lessonDir: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<string> {
  if (!existsSync(join(lessonDir, "lesson.ts"))) {
    throw new Error(`runLessonScript: ${lessonDir} has no lesson.ts; expected the folder of a lesson`);
  }
  try {
    const { stdout } = await execFileAsync(process.execPath, ["--import", "tsx", "lesson.ts", ...args], {
      cwd: lessonDir,
      env: { ...process.env, NO_COLOR: "1", ...env },
      maxBuffer: maxOutputBytes,
    });
    return stdout;
  } catch (error) {
    const { code, signal, stderr } = error as ExecFileException & { stderr?: string };
    const command = ["lesson.ts", ...args].join(" ");
    const ending = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
    throw new Error(
      `runLessonScript: ${command} in ${lessonDir} ${ending}; expected exit code 0. ` +
        `Its stderr:\n${stderr?.trimEnd() || "(empty)"}`,
    );
  }
}

/** The start of `text`, on one line, to say in an error which text was searched. */
const opening = (text: string): string => JSON.stringify(text.slice(0, 60).replaceAll("\n", "⏎")) + (text.length > 60 ? "…" : "");

/**
 * The capture groups of the first match of `pattern` in `text`. A missing match is an error that
 * names the pattern, so a test fails by saying which line of the output changed.
 */
export function capture(text: string, pattern: RegExp): string[] {
  if (pattern.global || pattern.sticky) {
    throw new Error(`capture: ${pattern} has the g or y flag; capture reads one match, use text.matchAll for every match`);
  }
  const match = pattern.exec(text);
  if (match === null) throw new Error(`capture: nothing matches ${pattern} in the text ${opening(text)}`);
  return match.slice(1);
}

/**
 * A number as a lesson prints it: the typographic minus "−" is "-", and the sign of an equation's
 * term may stand apart from its number ("− 0.25" is -0.25, "+ 1.5" is 1.5).
 */
export function parseNumber(text: string): number {
  const value = Number(text.replace(/−\s*/g, "-").replace(/\+\s*/g, ""));
  const saysNaN = text.trim() === "NaN";
  if (text.trim() === "" || (Number.isNaN(value) && !saysNaN)) {
    throw new Error(`parseNumber: ${JSON.stringify(text)} is not a number; expected digits such as "−0.25" or "+ 1.5"`);
  }
  return value;
}

/** Every number in a printed list or tensor, e.g. "tensor([1.0, −2, 3e-7, -Infinity, NaN])" → [1, -2, 3e-7, -Infinity, NaN]. */
export function numbersIn(text: string): number[] {
  return (text.match(/[-−]?(?:Infinity|NaN|\d+(?:\.\d+)?(?:e[-+]\d+)?)/g) ?? []).map(parseNumber);
}

/**
 * The text from the first `from` up to the first `to` after it; without `to`, up to the next step
 * heading, a line that starts with "── ". So `section(output, "── Step 3")` is step 3's text.
 */
export function section(text: string, from: string, to?: string): string {
  const start = text.indexOf(from);
  if (start === -1) throw new Error(`section: the text has no "${from}"; it starts ${opening(text)}`);
  const end = to === undefined ? text.indexOf("\n── ", start + from.length) : text.indexOf(to, start + from.length);
  if (end === -1 && to !== undefined) throw new Error(`section: the text has no "${to}" after "${from}"`);
  return text.slice(start, end === -1 ? undefined : end);
}

/**
 * The lines a README quotes from its lesson's output: every non-blank line of its ```text blocks,
 * as written, except the elisions "..." and "…" that stand for lines left out.
 */
export function quotedLines(readmeText: string): string[] {
  const blocks = [...readmeText.matchAll(/```text\n([\s\S]*?)```/g)].map(([, block]) => block);
  return blocks.flatMap((block) => block.split("\n")).filter((line) => !["", "...", "…"].includes(line.trim()));
}

/**
 * The quoted lines that the output does not print; [] when a README quotes truthfully. Each line
 * must be a whole printed line, or with `{ partial: true }` (for a README that quotes the left
 * half of a wide picture) its trimmed text must stand somewhere in a printed line.
 */
export function linesNotPrinted(quoted: readonly string[], output: string, options: { partial?: boolean } = {}): string[] {
  const printed = new Set(output.split("\n"));
  const isPrinted = options.partial ? (line: string) => output.includes(line.trim()) : (line: string) => printed.has(line);
  return quoted.filter((line) => !isPrinted(line));
}
