import { describe, expect, test } from "vitest";
import { renderImages } from "./images.ts";

const checker = [1, 0, 0, 1];
const blank = [0, 0, 0, 0];

describe("renderImages", () => {
  test("puts images side by side with a caption centred under each", () => {
    expect(renderImages([checker, blank], { labels: ["7 → 2", "1"], columns: 2 })).toBe(
      ["┌────┐  ┌────┐", "│@@  │  │    │", "│  @@│  │    │", "└────┘  └────┘", "7 → 2     1"].join("\n"),
    );
  });

  test("wraps onto a new row of images after `columns`", () => {
    const rows = renderImages([checker, checker, checker], { columns: 2, frame: false }).split("\n\n");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe("@@    @@\n  @@    @@");
    expect(rows[1]).toBe("@@\n  @@");
  });

  test("fits as many images per row as 80 columns allow off a terminal when columns is not given", () => {
    const stdout = process.stdout as { isTTY?: boolean };
    const wasTTY = stdout.isTTY;
    stdout.isTTY = false; // so the test does not depend on the terminal running it
    try {
      const digits = Array.from({ length: 5 }, () => new Array(784).fill(0));
      const firstLine = renderImages(digits, { compact: true }).split("\n")[0];
      expect(firstLine).toBe("┌────────────────────────────┐  ┌────────────────────────────┐"); // 2 × 30 + 2 ≤ 80
    } finally {
      stdout.isTTY = wasTTY;
    }
  });

  test("normalize rescales each image on its own", () => {
    const small = [-0.01, 0.01, -0.01, 0.01];
    const large = [-5, 5, -5, 5];
    const [a, b] = renderImages([small, large], { normalize: true, frame: false, columns: 1 }).split("\n\n");
    expect(a).toBe(b);
  });

  test("rejects a label count that differs from the image count", () => {
    expect(() => renderImages([checker, blank], { labels: ["only one"] })).toThrow(
      /renderImages: received 1 labels for 2 images; expected one label per image/,
    );
  });

  test("names the image at fault", () => {
    expect(() => renderImages([checker, [0, 2, 0, 0]])).toThrow(/renderImages \(image 1\): pixel 1 is 2, outside \[0, 1\]/);
  });
});
