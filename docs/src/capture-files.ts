/**
 * Where `npm run capture` (capture.ts) leaves a lesson's run, inside the lesson's folder.
 * capture.ts and this file are the capture task's only inputs outside the lesson and its
 * packages (turbo.json): changing how pages look never re-runs a lesson.
 */
export const captureFolder = ".docs-output";
export const captureFiles = { output: "output.txt", charts: "charts.jsonl", meta: "meta.json" } as const;
