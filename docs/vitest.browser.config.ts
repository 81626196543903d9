import { defineProject } from "vitest/config";

// The browser test (browser/site.test.ts): run by `npm run docs:check` and CI, never by `npm test`.
// The timeouts guard against a hang, not a speed claim: opening every page takes seconds,
// more on a busy two-core machine.
export default defineProject({ test: { include: ["browser/**/*.test.ts"], testTimeout: 600_000, hookTimeout: 600_000 } });
