import { describe, expect, test } from "vitest";
import { renderDigit } from "./digit.ts";

/** A hand-drawn 28×28 "1": a vertical stroke two pixels wide in columns 13–14, rows 4–23. */
function syntheticOne(): Float64Array {
  const pixels = new Float64Array(28 * 28);
  for (let row = 4; row <= 23; row++) {
    pixels[row * 28 + 13] = 1;
    pixels[row * 28 + 14] = 1;
  }
  return pixels;
}

describe("renderDigit", () => {
  test("draws full ink as @ and no ink as spaces, two characters per pixel", () => {
    const lines = renderDigit(syntheticOne(), { frame: false }).split("\n");
    expect(lines).toHaveLength(28);
    expect(lines.every((line) => line.length === 56)).toBe(true);
    expect(lines[10]).toBe(" ".repeat(26) + "@@@@" + " ".repeat(26));
    expect(lines[0]).toBe(" ".repeat(56));
    expect(lines.filter((line) => line.includes("@"))).toHaveLength(20);
  });

  test("shades values in between along the ramp", () => {
    expect(renderDigit([0, 1 / 3, 2 / 3, 1], { width: 4, height: 1, frame: false, ramp: " .o@" })).toBe("  ..oo@@");
  });

  test("frames the picture so its edges show", () => {
    const lines = renderDigit([1, 0, 0, 1], { frame: true }).split("\n");
    expect(lines).toEqual(["┌────┐", "│@@  │", "│  @@│", "└────┘"]);
  });

  test("compact mode draws one character per pixel and averages pairs of rows", () => {
    const lines = renderDigit(syntheticOne(), { compact: true, frame: false }).split("\n");
    expect(lines).toHaveLength(14);
    expect(lines[5]).toBe(" ".repeat(13) + "@@" + " ".repeat(13));
    // Rows 22–23 are ink and rows 24–25 are not: line 11 is ink, line 12 blank.
    expect(lines[11].trim()).toBe("@@");
    expect(lines[12].trim()).toBe("");
  });

  test("normalize rescales min..max, so a filter's most negative weight is blank and its largest is @", () => {
    const filter = [-0.5, 0, 0.5, -0.5, 0, 0.5, -0.5, 0, 0.5];
    const lines = renderDigit(filter, { normalize: true, frame: false, ramp: " .o@" }).split("\n");
    expect(lines).toEqual(["  oo@@", "  oo@@", "  oo@@"]); // 0 sits halfway: ramp[round(0.5 · 3)] = "o"
  });

  test("takes any height × width and infers a square side when none is given", () => {
    expect(renderDigit(new Array(6).fill(1), { height: 2, frame: false })).toBe("@@@@@@\n@@@@@@");
    expect(renderDigit(new Array(9).fill(0), { frame: false }).split("\n")).toHaveLength(3);
  });
});

describe("renderDigit errors", () => {
  test("rejects values outside [0, 1] and points to normalize", () => {
    expect(() => renderDigit([0, 255, 0, 0])).toThrow(/renderDigit: pixel 1 is 255, outside \[0, 1\].*normalize: true/);
  });

  test("rejects a pixel count that is not a square and asks for the size", () => {
    expect(() => renderDigit(new Array(12).fill(0))).toThrow(/renderDigit: 12 pixels is not a square image; pass \{ width, height \}/);
  });

  test("rejects a size that does not match the pixel count", () => {
    expect(() => renderDigit(new Array(784).fill(0), { width: 28, height: 27 })).toThrow(/renderDigit: 784 pixels do not fill 27 rows × 28 columns/);
  });

  test("rejects NaN pixels and empty images", () => {
    expect(() => renderDigit([0, NaN, 0, 0])).toThrow(/renderDigit: pixel 1 is NaN/);
    expect(() => renderDigit([])).toThrow(/renderDigit: received an empty image/);
  });
});
