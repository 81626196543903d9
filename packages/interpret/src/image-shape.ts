import { formatShape } from "@gradschool/tensor";

/** How the numbers of one input sample lie out as a picture: channels × height × width, row-major. */
export interface ImageShape {
  channels: number;
  height: number;
  width: number;
}

/**
 * One sample's shape read as a picture. An image sample [channels, height, width] is one
 * already. A row of features [features] is one when `given` says how ([height, width] or
 * [channels, height, width]), or when features is a perfect square: 784 → 1 × 28 × 28,
 * which is how loadMnist flattens a digit.
 */
export function imageShapeOf(caller: string, sampleShape: readonly number[], given?: readonly number[]): ImageShape {
  const features = sampleShape.reduce((product, dim) => product * dim, 1);
  if (given !== undefined) {
    const valid = (given.length === 2 || given.length === 3) && given.every((dim) => Number.isInteger(dim) && dim > 0);
    const givenSize = given.reduce((product, dim) => product * dim, 1);
    if (!valid || givenSize !== features) {
      throw new Error(
        `${caller}: imageShape ${JSON.stringify(given)} does not fit a sample of ${formatShape(sampleShape)} (${features} numbers); ` +
          "expected [height, width] or [channels, height, width] of positive integers whose product is the sample's size",
      );
    }
    const [channels, height, width] = given.length === 3 ? given : [1, ...given];
    return { channels, height, width };
  }
  if (sampleShape.length === 3) {
    const [channels, height, width] = sampleShape;
    return { channels, height, width };
  }
  const side = Math.round(Math.sqrt(features));
  if (sampleShape.length === 1 && side * side === features) return { channels: 1, height: side, width: side };
  throw new Error(
    `${caller}: cannot read a sample of ${formatShape(sampleShape)} as an image; expected [channels, height, width], ` +
      "a square number of features (784 → 28×28), or options.imageShape such as [height, width]",
  );
}
