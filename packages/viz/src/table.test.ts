import { describe, expect, test } from "vitest";
import { table } from "./table.ts";
import { paint } from "./terminal.ts";

describe("table", () => {
  test("aligns text left and numbers right under a header rule", () => {
    const text = table(
      [
        ["Dense", "[32, 128]", 100480],
        ["Dense", "[32, 10]", 1290],
      ],
      { header: ["layer", "output", "params"] },
    );
    expect(text).toBe(
      ["layer  output     params", "────────────────────────", "Dense  [32, 128]  100480", "Dense  [32, 10]     1290"].join("\n"),
    );
  });

  test("gives every number of a fractional column the same decimals so the points line up", () => {
    const text = table([["sgd", 0.1], ["adam", 0.001], ["none", 2]], { decimals: 3 });
    expect(text).toBe(["sgd   0.100", "adam  0.001", "none  2.000"].join("\n"));
  });

  test("follows an explicit alignment", () => {
    expect(table([["a", 1], ["bbb", 22]], { align: ["right", "left"] })).toBe("  a  1\nbbb  22");
  });

  test("measures coloured cells by their visible width", () => {
    const text = table([[paint("7", "\x1b[32m", true), 10]]);
    expect(text).toBe("\x1b[32m7\x1b[0m  10");
  });

  test("prints NaN and infinities by name", () => {
    expect(table([[NaN], [Infinity]])).toBe("     NaN\nInfinity");
  });

  test("rejects a row with the wrong number of cells and names it", () => {
    expect(() => table([["a", 1], ["b"]], { header: ["name", "value"] })).toThrow(
      /table: row 1 has 1 cells, expected 2 \(as many as the header\)/,
    );
  });

  test("rejects an alignment list of the wrong length and an empty table", () => {
    expect(() => table([["a", 1]], { align: ["left"] })).toThrow(/table: align has 1 entries for 2 columns/);
    expect(() => table([])).toThrow(/table: received no header and no rows/);
  });
});
