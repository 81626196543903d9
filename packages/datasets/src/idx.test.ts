import { describe, test, expect } from "vitest";
import { encodeIdx, formatMagic, parseIdx, parseIdxHeader } from "./idx.ts";

/** Three 2×3 "images" with pixel values 0 … 17. */
const pixels = Uint8Array.from({ length: 18 }, (_, i) => i);

describe("parseIdx", () => {
  test("reads the big-endian header byte by byte: magic 0x00000803, then each dimension", () => {
    const file = Uint8Array.from([0, 0, 8, 3, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 3, ...pixels]);
    const parsed = parseIdx(file, "tiny-images");
    expect(parsed.magic).toBe(2051);
    expect(parsed.dims).toEqual([3, 2, 3]);
    expect(Array.from(parsed.data)).toEqual(Array.from(pixels));
  });

  test("reads dimensions of 256 and more in big-endian order", () => {
    const file = encodeIdx([300], new Uint8Array(300));
    expect(Array.from(file.subarray(0, 8))).toEqual([0, 0, 8, 1, 0, 0, 1, 44]); // 300 = 1·256 + 44
    expect(parseIdx(file, "labels").dims).toEqual([300]);
  });

  test("round-trips what encodeIdx writes, and returns a view, not a copy", () => {
    const file = encodeIdx([3, 2, 3], pixels);
    const parsed = parseIdx(file, "tiny-images");
    expect(parsed.data.buffer).toBe(file.buffer);
    expect(parsed.data).toEqual(pixels);
  });

  test("parses a buffer that starts partway into a larger one", () => {
    const file = encodeIdx([4], Uint8Array.from([1, 2, 3, 4]));
    const padded = new Uint8Array(file.length + 5);
    padded.set(file, 5);
    expect(Array.from(parseIdx(padded.subarray(5), "labels").data)).toEqual([1, 2, 3, 4]);
  });

  test("rejects a truncated file, stating expected and actual bytes", () => {
    const file = encodeIdx([3, 2, 3], pixels).subarray(0, 30);
    expect(() => parseIdx(file, "tiny-images")).toThrow(
      /parseIdx: tiny-images is truncated: .*3 × 2 × 3 = 18 data bytes, so the file should be 34 bytes \(16 header \+ 18 data\); it is 30/,
    );
  });

  test("rejects trailing bytes after the data", () => {
    const file = new Uint8Array(37);
    file.set(encodeIdx([3, 2, 3], pixels));
    expect(() => parseIdx(file, "tiny-images")).toThrow(/parseIdx: tiny-images has 3 bytes of trailing data: .*should be 34 bytes.*it is 37/);
  });

  test("rejects a file cut off inside its header", () => {
    expect(() => parseIdx(Uint8Array.from([0, 0]), "stub")).toThrow(/parseIdx: stub is 2 bytes long/);
    expect(() => parseIdx(Uint8Array.from([0, 0, 8, 3, 0, 0, 0, 1]), "stub")).toThrow(
      /parseIdx: stub is truncated inside its header: 3 dimensions need 16 header bytes; it is 8/,
    );
  });

  test("rejects a file that does not start with two zero bytes", () => {
    const file = encodeIdx([1], Uint8Array.from([7]));
    file[0] = 0x1f;
    expect(() => parseIdx(file, "photo.gz")).toThrow(/parseIdx: photo.gz starts with magic number 0x1f000801/);
  });

  test("rejects data types other than unsigned byte, naming the type found", () => {
    const file = encodeIdx([1], Uint8Array.from([7]));
    file[2] = 0x0d;
    expect(() => parseIdx(file, "floats")).toThrow(/parseIdx: floats has data type 0x0d \(32-bit float\); only 0x08/);
  });

  test("rejects a header that declares no dimensions", () => {
    expect(() => parseIdx(Uint8Array.from([0, 0, 8, 0]), "empty")).toThrow(/parseIdx: empty declares 0 dimensions/);
  });
});

describe("parseIdxHeader", () => {
  test("needs only the header bytes, not the data", () => {
    const header = encodeIdx([60000, 28, 28], new Uint8Array(60000 * 28 * 28)).subarray(0, 16);
    expect(parseIdxHeader(header, "train-images")).toEqual({ magic: 2051, dataType: 8, dims: [60000, 28, 28], headerBytes: 16 });
  });
});

describe("encodeIdx and formatMagic", () => {
  test("encodeIdx rejects data whose length does not match the dimensions", () => {
    expect(() => encodeIdx([2, 2], new Uint8Array(3))).toThrow(/encodeIdx: data has 3 bytes but dims \[2, 2\] need 4/);
  });

  test("formatMagic prints eight hex digits", () => {
    expect(formatMagic(2049)).toBe("0x00000801");
    expect(formatMagic(2051)).toBe("0x00000803");
  });
});
