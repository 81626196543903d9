/**
 * `npm run capture` in a lesson folder: run the lesson as `npm start` does (its default,
 * quick mode; never --full) and keep what it printed, for the docs site.
 *
 * Every lesson's package.json has the same script, `"capture": "tsx ../../docs/src/capture.ts"`,
 * and turbo runs it as the `capture` task, cached on the lesson's files and the sources of
 * the packages it uses (turbo.json), so an unchanged lesson is not run again.
 *
 * It writes, in the lesson's .docs-output/ folder:
 *   output.txt    everything the lesson printed to stdout, ANSI colours kept (FORCE_COLOR=1)
 *   charts.jsonl  one line per lossChart call: its numbers and options (GRADSCHOOL_CHARTS_FILE)
 *   meta.json     how long the run took
 * The folder is replaced only when the run succeeds; a lesson that fails fails the capture.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { captureFiles, captureFolder } from "./capture-files.ts";

const lessonDir = process.cwd();
const name = `lessons/${basename(lessonDir)}`;
if (!existsSync(join(lessonDir, "lesson.ts"))) {
  console.error(`capture: ${lessonDir} has no lesson.ts; run \`npm run capture\` in a lesson folder`);
  process.exit(1);
}

const staging = join(lessonDir, `${captureFolder}.partial`);
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging);
const chartsFile = join(staging, captureFiles.charts);
writeFileSync(chartsFile, "");

// Colour on (the site shows it), 80 columns, charts recorded. NO_COLOR (set in CI) would
// beat FORCE_COLOR, so the lesson does not inherit it.
const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: "1", COLUMNS: "80", GRADSCHOOL_CHARTS_FILE: chartsFile };
delete env.NO_COLOR;

const started = performance.now();
const child = spawn(process.execPath, ["--import", "tsx", "lesson.ts"], { cwd: lessonDir, env, stdio: ["ignore", "pipe", "pipe"] });
const stdout: Buffer[] = [];
const stderr: Buffer[] = [];
child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
const exitCode: number = await new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));
const seconds = (performance.now() - started) / 1000;

if (exitCode !== 0) {
  const lastLines = Buffer.concat(stdout).toString("utf8").trimEnd().split("\n").slice(-15).join("\n");
  console.error(`capture: ${name}: \`tsx lesson.ts\` exited with code ${exitCode} after ${seconds.toFixed(1)} s`);
  console.error(`── last lines it printed ──\n${lastLines}\n── its errors ──\n${Buffer.concat(stderr).toString("utf8")}`);
  rmSync(staging, { recursive: true, force: true });
  process.exit(1);
}
if (stderr.length > 0) process.stderr.write(Buffer.concat(stderr));

const output = Buffer.concat(stdout).toString("utf8");
writeFileSync(join(staging, captureFiles.output), output);
writeFileSync(join(staging, captureFiles.meta), JSON.stringify({ command: "tsx lesson.ts", seconds: Number(seconds.toFixed(2)) }, null, 2) + "\n");
const final = join(lessonDir, captureFolder);
rmSync(final, { recursive: true, force: true });
renameSync(staging, final);

const charts = readFileSync(join(final, captureFiles.charts), "utf8").split("\n").filter((line) => line.trim() !== "").length;
const lines = output.split("\n").length;
console.log(`captured ${name}: ${lines} lines, ${charts} chart${charts === 1 ? "" : "s"}, in ${seconds.toFixed(1)} s`);
