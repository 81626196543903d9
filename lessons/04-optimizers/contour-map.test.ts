import { describe, expect, test } from "vitest";
import { contourMap, sideBySide } from "./contour-map.ts";

// f = 10^(x): one decade per unit of x, so on x ∈ [0, 5) the five columns get the five shades.
const decades = (x: number) => 10 ** x;

describe("contourMap", () => {
  test("shades one band per decade of f, lowest first, inside a frame", () => {
    const map = contourMap(decades, {}, { xRange: [-1, 4], yRange: [0, 1], width: 5, height: 1 });
    expect(map.split("\n")).toEqual(["┌─────┐", "│ .:-=│", "└─────┘"]);
  });

  test("lowestLevel moves the blank band: with −1, f from 0.1 to 1 is '.'", () => {
    const map = contourMap(decades, {}, { xRange: [-1, 4], yRange: [0, 1], width: 5, height: 1, lowestLevel: -1 });
    expect(map.split("\n")[1]).toBe("│.:-==│");
  });

  test("a path is drawn in its letter along its segments, without gaps; row 0 is the top", () => {
    const flat = () => 0.5; // blank everywhere
    const map = contourMap(flat, { A: [[0.5, 2.5], [3.5, 0.5]] }, { xRange: [0, 4], yRange: [0, 3], width: 4, height: 3 });
    // From cell (row 0, column 0) down to (row 2, column 3): a line with no gaps, each cell
    // touching the next at least at a corner.
    expect(map.split("\n").slice(1, 4)).toEqual(["│A   │", "│ AA │", "│   A│"]);
  });

  test("where paths cross, the cell shows the path that got there first; marks go on top", () => {
    const flat = () => 0.5;
    const paths = {
      F: [[0.5, 0.5], [3.5, 0.5]] as Array<[number, number]>, // reaches column 3 after one step
      S: [[3.5, 0.5], [3.5, 0.5]] as Array<[number, number]>, // starts there: it was first
    };
    const map = contourMap(flat, paths, { xRange: [0, 4], yRange: [0, 1], width: 4, height: 1, marks: { "*": [1.5, 0.5] } });
    expect(map.split("\n")[1]).toBe("│F*FS│");
  });

  test("points off the map and after a blow-up are left out; the title sits in the top border", () => {
    const flat = () => 0.5;
    const path: Array<[number, number]> = [[0.5, 0.5], [100, 100], [Number.NaN, 0], [1.5, 0.5]];
    const map = contourMap(flat, { P: path }, { xRange: [0, 4], yRange: [0, 1], width: 4, height: 1, title: "P" });
    expect(map.split("\n")).toEqual(["┌P ──┐", "│P   │", "└────┘"]);
  });

  test("rejects a path name longer than one character", () => {
    expect(() => contourMap(decades, { SGD: [] }, { xRange: [0, 1], yRange: [0, 1], width: 2, height: 2 })).toThrow(
      /contourMap: paths and marks need one-character names; received "SGD"/,
    );
  });
});

describe("sideBySide", () => {
  test("pads each block to its widest line and puts the gap between them", () => {
    expect(sideBySide(["ab\nc", "xyz"], 1)).toBe("ab xyz\nc");
  });
});
