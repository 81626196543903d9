import { describe, test, expect } from "vitest";
import { rand, randn } from "./random.ts";
import { rng } from "./rng.ts";

function meanOf(data: Float64Array): number {
  return data.reduce((total, value) => total + value, 0) / data.length;
}

function stdOf(data: Float64Array): number {
  const mu = meanOf(data);
  return Math.sqrt(data.reduce((total, value) => total + (value - mu) ** 2, 0) / data.length);
}

describe("rand", () => {
  test("has the shape asked for", () => {
    expect(rand([2, 3, 4], rng(1)).shape).toEqual([2, 3, 4]);
    expect(rand([], rng(1)).size).toBe(1);
  });

  test("draws from [0, 1) by default and from [low, high) when given", () => {
    const unit = rand([10_000], rng(2));
    expect(unit.data.every((value) => value >= 0 && value < 1)).toBe(true);
    const shifted = rand([10_000], rng(2), -2, -1);
    expect(shifted.data.every((value) => value >= -2 && value < -1)).toBe(true);
  });

  test("fills the tensor with the rng's uniform stream, in row-major order", () => {
    const random = rng(3);
    const expected = Array.from({ length: 6 }, () => random.uniform(1, 4));
    expect([...rand([2, 3], rng(3), 1, 4).data]).toEqual(expected);
  });

  test("the same seed gives the same tensor", () => {
    expect(rand([5, 5], rng(4)).data).toEqual(rand([5, 5], rng(4)).data);
    expect(rand([5, 5], rng(4)).data).not.toEqual(rand([5, 5], rng(5)).data);
  });

  test("an invalid shape throws naming rand, and a bad range naming rng.uniform", () => {
    expect(() => rand([2, -1], rng(0))).toThrow(/rand: shape \[2, -1\] is invalid/);
    expect(() => rand([2], rng(0), 1, 0)).toThrow(/rng.uniform: expected low < high/);
  });
});

describe("randn", () => {
  test("has the shape asked for", () => {
    expect(randn([4, 1], rng(1)).shape).toEqual([4, 1]);
  });

  test("draws N(0, 1) by default: mean 0 ± 0.02, std 1 ± 0.01 over 100k samples", () => {
    const samples = randn([100_000], rng(6)).data;
    expect(Math.abs(meanOf(samples))).toBeLessThan(0.02);
    expect(Math.abs(stdOf(samples) - 1)).toBeLessThan(0.01);
  });

  test("scales by std and shifts by mean: randn(shape, rng, 0.1, 3)", () => {
    const samples = randn([100_000], rng(7), 0.1, 3).data;
    expect(Math.abs(meanOf(samples) - 3)).toBeLessThan(0.002);
    expect(Math.abs(stdOf(samples) - 0.1)).toBeLessThan(0.001);
  });

  test("the std argument scales the very same draws", () => {
    const unit = randn([3, 3], rng(8));
    const scaled = randn([3, 3], rng(8), 0.5);
    for (let i = 0; i < unit.size; i++) expect(scaled.data[i]).toBe(0.5 * unit.data[i]);
  });

  test("the same seed gives the same tensor", () => {
    expect(randn([4, 4], rng(9)).data).toEqual(randn([4, 4], rng(9)).data);
    expect(randn([4, 4], rng(9)).data).not.toEqual(randn([4, 4], rng(10)).data);
  });

  test("an invalid shape throws naming randn, and a negative std naming rng.normal", () => {
    expect(() => randn([1.5], rng(0))).toThrow(/randn: shape \[1.5\] is invalid/);
    expect(() => randn([2], rng(0), -1)).toThrow(/rng.normal: std must be ≥ 0/);
  });
});
