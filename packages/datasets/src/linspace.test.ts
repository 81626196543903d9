import { test, expect } from "vitest";
import { linspace } from "./linspace.ts";

test("linspace includes both ends and spaces the points evenly, like numpy", () => {
  expect(Array.from(linspace(0, 1, 5))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  expect(Array.from(linspace(4, 8, 3))).toEqual([4, 6, 8]);
});

test("linspace of one point is the start, and of none is empty", () => {
  expect(Array.from(linspace(2, 5, 1))).toEqual([2]);
  expect(linspace(0, 1, 0).length).toBe(0);
});
