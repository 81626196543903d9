/**
 * `npm test`: type-checks and tests every workspace through turbo, then prints one line
 * that counts every test in the repository.
 *
 * turbo runs each workspace's `typecheck` and `test`, and `typecheck:root` for this
 * folder's scripts (in parallel, cached; a change to a
 * package re-runs everything that depends on it, see turbo.json's `transit` task). Each
 * vitest run prints its own "Tests  N passed (N)" line, prefixed by turbo with the
 * workspace name; this script adds them up so the run ends with a single summary:
 *
 *   Tests  412 passed (412) in 9 workspaces · typecheck passed in 9 workspaces
 *
 * Arguments are passed to turbo, e.g. `npm test -- --filter @gradschool/tensor`.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

// --concurrency=2: one task per core. Each vitest run already uses every core for its own
// files, and the lesson tests train networks; ten workspaces at once on two cores made the
// heaviest tests wait minutes for a CPU (a CI run once tripped the hang guards that way).
const turboArgs = ["run", "typecheck", "typecheck:root", "test", "--continue", "--output-logs=full", "--concurrency=2", ...process.argv.slice(2)];
const child = spawn("npx", ["--no-install", "turbo", ...turboArgs], {
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", TURBO_TELEMETRY_DISABLED: "1" },
});

const counts = { passed: 0, failed: 0, skipped: 0 };
const testedWorkspaces = new Set<string>();
const failedTasks = new Set<string>();
const typecheckedWorkspaces = new Set<string>();

// turbo prefixes each line with "<workspace>:<task>: ".
const summaryLine = /^(\S+):test:\s+Tests\s+(.*)\(\d+\)\s*$/;
// turbo's closing summary names the failed tasks: "Failed:    @gradschool/x#test, …".
const failedSummary = /^\s*Failed:\s+(.*)$/;
const taskLine = /^(\S+):typecheck(?::root)?: /;

for await (const line of createInterface({ input: child.stdout! })) {
  console.log(line);
  const summary = summaryLine.exec(line);
  if (summary) {
    testedWorkspaces.add(summary[1]);
    for (const [, count, kind] of summary[2].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
      if (kind === "passed") counts.passed += Number(count);
      else if (kind === "failed") counts.failed += Number(count);
      else counts.skipped += Number(count);
    }
  }
  const failed = failedSummary.exec(line);
  if (failed) for (const task of failed[1].split(",")) failedTasks.add(task.trim());
  const typecheck = taskLine.exec(line);
  if (typecheck) typecheckedWorkspaces.add(typecheck[1]);
}

const exitCode: number = await new Promise((resolve) => child.on("close", (code) => resolve(code ?? 1)));

const total = counts.passed + counts.failed + counts.skipped;
const parts = [
  counts.failed > 0 ? `${counts.failed} failed` : "",
  `${counts.passed} passed`,
  counts.skipped > 0 ? `${counts.skipped} skipped` : "",
].filter(Boolean);
const typecheckFailures = [...failedTasks].filter((task) => task.endsWith("#typecheck")).length;
console.log("");
if (failedTasks.size > 0) console.log(`Failed tasks: ${[...failedTasks].sort().join(", ")}`);
console.log(
  `Tests  ${parts.join(" | ")} (${total}) in ${testedWorkspaces.size} workspaces · ` +
    `typecheck ${typecheckFailures > 0 ? `failed in ${typecheckFailures} of` : "passed in"} ${typecheckedWorkspaces.size} workspaces`,
);
process.exit(exitCode !== 0 ? exitCode : counts.failed > 0 ? 1 : 0);
