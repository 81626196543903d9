import { describe, expect, test } from "vitest";
import { randn, rng, zeros } from "@gradschool/tensor";
import { imagesAsRows, referenceRnn } from "./reference-rnn.ts";

describe("referenceRnn", () => {
  test("summary shows the Keras example's 14,858 parameters, layer by layer", () => {
    const summary = referenceRnn(rng(1)).summary();
    expect(summary).toContain("Total params: 14,858");
    expect(summary).toMatch(/simpleRnn1 \(SimpleRNN\)\s+\(None, 28, 64\)\s+5,952/);
    expect(summary).toMatch(/simpleRnn2 \(SimpleRNN\)\s+\(None, 64\)\s+8,256/);
    expect(summary).toMatch(/dense \(Dense\)\s+\(None, 10\)\s+650/);
  });

  test("reads a batch of images as rows and returns ten logits per image", () => {
    const images = randn([3, 784], rng(2));
    expect(referenceRnn(rng(3)).forward(imagesAsRows(images)).shape).toEqual([3, 10]);
  });

  test("imagesAsRows makes step t row t of the image, without copying", () => {
    const images = randn([2, 784], rng(4));
    const rows = imagesAsRows(images);
    expect(rows.shape).toEqual([2, 28, 28]);
    expect(rows.get(1, 5, 7)).toBe(images.get(1, 5 * 28 + 7));
    expect(rows.data).toBe(images.data);
    expect(() => imagesAsRows(zeros([2, 28, 28]))).toThrow(/imagesAsRows: images is \[2, 28, 28\]; expected \[count, 784\]/);
  });
});
