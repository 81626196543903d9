/**
 * The IDX file format, in which Yann LeCun published MNIST: a tiny header, then raw bytes.
 *
 *   offset  size  field
 *   0       2     always 0x00 0x00
 *   2       1     data type: 0x08 = unsigned byte (the only type MNIST uses)
 *   3       1     number of dimensions, d
 *   4       4·d   each dimension's size, a 32-bit big-endian unsigned integer
 *   4 + 4d  …     the data, product(dims) values, last dimension fastest (row-major)
 *
 * Read as one big-endian integer, the first four bytes are the "magic number":
 * 0x00000803 = 2051 for images (3 dims: count, rows, cols) and 0x00000801 = 2049 for
 * labels (1 dim: count).
 */

/** What the header says: the magic number, the data type byte, the dimensions, the header length. */
export interface IdxHeader {
  magic: number;
  dataType: number;
  dims: number[];
  headerBytes: number;
}

/** A parsed file: `data` is a view into the buffer (no copy), product(dims) bytes long. */
export interface IdxFile {
  magic: number;
  dims: number[];
  data: Uint8Array;
}

const UNSIGNED_BYTE = 0x08;
const dataTypeNames: Record<number, string> = {
  0x08: "unsigned byte",
  0x09: "signed byte",
  0x0b: "16-bit integer",
  0x0c: "32-bit integer",
  0x0d: "32-bit float",
  0x0e: "64-bit float",
};

/** "0x00000803" — how errors print a magic number. */
export function formatMagic(magic: number): string {
  return `0x${magic.toString(16).padStart(8, "0")}`;
}

/** Reads and checks the header; `buffer` may hold just the header (as mnistInfo reads it). */
export function parseIdxHeader(buffer: Uint8Array, fileName: string): IdxHeader {
  return readHeader("parseIdxHeader", buffer, fileName);
}

/** Parses a whole IDX file of unsigned bytes, checking that its length matches its header exactly. */
export function parseIdx(buffer: Uint8Array, fileName: string): IdxFile {
  const { magic, dims, headerBytes } = readHeader("parseIdx", buffer, fileName);
  const dataBytes = dims.reduce((product, dim) => product * dim, 1);
  const expected = headerBytes + dataBytes;
  if (buffer.length !== expected) {
    const problem = buffer.length < expected ? "is truncated" : `has ${buffer.length - expected} bytes of trailing data`;
    throw new Error(
      `parseIdx: ${fileName} ${problem}: its header promises ${dims.join(" × ")} = ${dataBytes} data bytes, ` +
        `so the file should be ${expected} bytes (${headerBytes} header + ${dataBytes} data); it is ${buffer.length}`,
    );
  }
  return { magic, dims, data: buffer.subarray(headerBytes, expected) };
}

/** The inverse of parseIdx: writes unsigned bytes with the given dimensions as an IDX file. */
export function encodeIdx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const dataBytes = dims.reduce((product, dim) => product * dim, 1);
  if (dims.length < 1 || dims.length > 255 || dims.some((dim) => !Number.isInteger(dim) || dim < 0 || dim > 0xffffffff)) {
    throw new Error(`encodeIdx: dims [${dims.join(", ")}] are invalid; expected 1 … 255 non-negative 32-bit sizes`);
  }
  if (data.length !== dataBytes) {
    throw new Error(`encodeIdx: data has ${data.length} bytes but dims [${dims.join(", ")}] need ${dataBytes}`);
  }
  const headerBytes = 4 + 4 * dims.length;
  const file = new Uint8Array(headerBytes + dataBytes);
  const view = new DataView(file.buffer);
  view.setUint32(0, (UNSIGNED_BYTE << 8) | dims.length, false);
  dims.forEach((dim, d) => view.setUint32(4 + 4 * d, dim, false));
  file.set(data, headerBytes);
  return file;
}

function readHeader(fn: string, buffer: Uint8Array, fileName: string): IdxHeader {
  if (buffer.length < 4) {
    throw new Error(`${fn}: ${fileName} is ${buffer.length} bytes long; an IDX file starts with a 4-byte magic number`);
  }
  // A DataView reads multi-byte integers in a chosen byte order; IDX is big-endian.
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const magic = view.getUint32(0, false);
  if (buffer[0] !== 0 || buffer[1] !== 0) {
    throw new Error(`${fn}: ${fileName} starts with magic number ${formatMagic(magic)}; an IDX file starts with two zero bytes`);
  }
  const dataType = buffer[2];
  if (dataType !== UNSIGNED_BYTE) {
    const name = dataTypeNames[dataType] ?? "unknown";
    throw new Error(
      `${fn}: ${fileName} has data type 0x${dataType.toString(16).padStart(2, "0")} (${name}); ` +
        `only 0x08 (unsigned byte) is supported`,
    );
  }
  const dimCount = buffer[3];
  if (dimCount < 1) throw new Error(`${fn}: ${fileName} declares 0 dimensions; expected at least 1`);
  const headerBytes = 4 + 4 * dimCount;
  if (buffer.length < headerBytes) {
    throw new Error(
      `${fn}: ${fileName} is truncated inside its header: ${dimCount} dimensions need ${headerBytes} header bytes; ` +
        `it is ${buffer.length}`,
    );
  }
  const dims: number[] = [];
  for (let d = 0; d < dimCount; d++) dims.push(view.getUint32(4 + 4 * d, false));
  return { magic, dataType, dims, headerBytes };
}
