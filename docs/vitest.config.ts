import { defineProject } from "vitest/config";

// The unit tests (src/**/*.test.ts), part of `npm test`. The browser test lives in browser/
// and has its own config (vitest.browser.config.ts), so a learner without Chromium can run
// `npm test`. testTimeout guards against a hang; it is not a speed claim.
export default defineProject({ test: { include: ["src/**/*.test.ts"], testTimeout: 600_000, hookTimeout: 600_000 } });
