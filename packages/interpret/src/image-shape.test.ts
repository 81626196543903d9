import { describe, expect, test } from "vitest";
import { imageShapeOf } from "./image-shape.ts";

describe("imageShapeOf", () => {
  test("an image sample is already a picture, a square row is one channel, and imageShape says the rest", () => {
    expect(imageShapeOf("f", [3, 4, 5])).toEqual({ channels: 3, height: 4, width: 5 });
    expect(imageShapeOf("f", [784])).toEqual({ channels: 1, height: 28, width: 28 });
    expect(imageShapeOf("f", [35], [5, 7])).toEqual({ channels: 1, height: 5, width: 7 });
    expect(imageShapeOf("f", [48], [3, 4, 4])).toEqual({ channels: 3, height: 4, width: 4 });
  });

  test("a row that is not square, or an imageShape of the wrong size, is an error that says what would work", () => {
    expect(() => imageShapeOf("f", [35])).toThrow(/f: cannot read a sample of \[35\] as an image; expected \[channels, height, width\], a square number of features/);
    expect(() => imageShapeOf("f", [35], [6, 6])).toThrow(/f: imageShape \[6,6\] does not fit a sample of \[35\] \(35 numbers\)/);
    expect(() => imageShapeOf("f", [4, 4])).toThrow(/f: cannot read a sample of \[4, 4\] as an image/);
  });
});
