import { type Tensor, tensor } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { decisionBoundary } from "./decision-boundary.ts";
import { Neuron } from "./neuron.ts";

/** Class 1 right of the vertical line x = 0.5, class 0 left of it. */
const rightOfHalf = (points: Tensor) => Int32Array.from({ length: points.shape[0] }, (_, i) => (points.data[2 * i] >= 0.5 ? 1 : 0));

/** The grid rows of a picture, without the y labels and axis. */
const gridRows = (picture: string, height: number) => picture.split("\n").slice(0, height).map((line) => line.replace(/^.*?[┤│]/, ""));

describe("decisionBoundary", () => {
  test("shades each cell by its predicted class, the two ends of each range included", () => {
    const picture = decisionBoundary(rightOfHalf, { xRange: [0, 1], yRange: [0, 1], width: 5, height: 3 });
    // Columns sit at x = 0, 0.25, 0.5, 0.75, 1: the first two left of the line, the rest right.
    expect(gridRows(picture, 3)).toEqual(["··░░░", "··░░░", "··░░░"]);
  });

  test("labels the y-axis top and bottom and the x-axis left and right", () => {
    const lines = decisionBoundary(rightOfHalf, { xRange: [-0.5, 1.5], yRange: [-2, 3], width: 21, height: 5 }).split("\n");
    expect(lines[0]).toMatch(/^ 3 ┤/); // the labels are right-aligned to the widest, "-2"
    expect(lines[4]).toMatch(/^-2 ┤/);
    expect(lines[5]).toBe(`   └${"─".repeat(21)}`);
    expect(lines[6]).toMatch(/^ {4}-0\.5 +1\.5$/); // under the first and the last column
    expect(lines[6].length).toBe(4 + 21);
    expect(lines[7]).toBe("· predicted 0   ░ predicted 1");
  });

  test("leaves the legend out when asked, so two pictures can sit side by side", () => {
    const lines = decisionBoundary(rightOfHalf, { xRange: [0, 1], yRange: [0, 1], width: 5, height: 3, legend: false }).split("\n");
    expect(lines).toHaveLength(3 + 2);
    expect(lines.at(-1)).toMatch(/^ +0 +1$/);
  });

  test("draws each point as the digit of its true class on its nearest cell, top row for the largest y", () => {
    const points = tensor([
      [0, 0],
      [1, 1],
      [0.9, 0],
    ]);
    const picture = decisionBoundary(rightOfHalf, { xRange: [0, 1], yRange: [0, 1], width: 5, height: 3, points, labels: [0, 1, 0] });
    // (0.9, 0) is class 0 on the class-1 side: a misclassified point is a 0 on the shading.
    expect(gridRows(picture, 3)).toEqual(["··░░1", "··░░░", "0·░░0"]);
    expect(picture).toContain("digits: the data points, by true class");
  });

  test("marks a cell holding points of two classes with *, and counts points outside the plane", () => {
    const points = tensor([
      [0, 0],
      [0.01, 0],
      [5, 5],
    ]);
    const picture = decisionBoundary(rightOfHalf, { xRange: [0, 1], yRange: [0, 1], width: 5, height: 3, points, labels: [0, 1, 1] });
    expect(gridRows(picture, 3)[2]).toBe("*·░░░");
    expect(picture).toContain("(1 outside the plot)");
  });

  test("for a neuron, the edge between the shadings is the line w·x + b = 0", () => {
    const neuron = Neuron.from([1, 1], -1); // the line x + y = 1
    const picture = decisionBoundary((p) => neuron.predict(p), { xRange: [0, 1], yRange: [0, 1], width: 3, height: 3 });
    expect(gridRows(picture, 3)).toEqual(["░░░", "·░░", "··░"]);
  });

  test("rejects a range whose min is not below its max", () => {
    expect(() => decisionBoundary(rightOfHalf, { xRange: [1, 1], yRange: [0, 1] })).toThrow(
      /decisionBoundary: xRange is \[1,1\]; expected \[min, max\] with min < max/,
    );
  });

  test("rejects points that are not [n, 2] and labels that do not match them", () => {
    const options = { xRange: [0, 1], yRange: [0, 1] } as const;
    expect(() => decisionBoundary(rightOfHalf, { ...options, points: tensor([[1, 2, 3]]), labels: [0] })).toThrow(
      /decisionBoundary: points is \[1, 3\]; expected \[n, 2\]/,
    );
    expect(() => decisionBoundary(rightOfHalf, { ...options, points: tensor([[1, 2]]), labels: [0, 1] })).toThrow(
      /decisionBoundary: 1 points but 2 labels/,
    );
  });

  test("rejects a classifier that answers a class it cannot shade", () => {
    expect(() => decisionBoundary((p) => new Int32Array(p.shape[0]).fill(7), { xRange: [0, 1], yRange: [0, 1] })).toThrow(
      /decisionBoundary: classify returned class 7; expected an integer from 0 to 3/,
    );
  });
});
