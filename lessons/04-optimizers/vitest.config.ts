import { defineProject } from "vitest/config";

// testTimeout guards against a hung test; it is not a speed claim (speed lives in npm run bench).
// Lesson tests run the lesson and retrain its models, which takes seconds, more when CI runs
// every workspace at once on two cores, so the guard is generous.
export default defineProject({ test: { include: ["*.test.ts"], testTimeout: 600_000, hookTimeout: 600_000 } });
