import { Tensor, formatShape } from "@gradschool/tensor";
import { Dense, type Layer, type Sequential } from "@gradschool/backprop";
import { imageShapeOf } from "./image-shape.ts";

export interface WeightImages {
  /** The layer the weights belong to, e.g. "hidden". */
  layer: string;
  /** How many pictures: the Dense layer's units, or the Conv2D's filters. */
  units: number;
  channels: number;
  height: number;
  width: number;
  /** images[u]: the weights unit u multiplies the input by, channels × height × width, row-major. */
  images: Float64Array[];
}

/**
 * The weights of a model's first layer, as pictures of what each unit looks for.
 *
 *   Dense   unit u computes Σᵢ xᵢ·W[i, u] + b_u: column u of the kernel has one weight per
 *           input pixel, so it reshapes to the input's image, [784] → 28 × 28. The unit fires
 *           most for an input that looks like its picture (the dot product is largest when
 *           x points the way W[:, u] does).
 *   Conv2D  kernel [outC, inC, kH, kW]: filter o is already a small picture, slid over the image.
 *
 * Only the first layer's weights are pictures: they multiply pixels. A deeper layer's weights
 * multiply the previous layer's units, which have no place in the image, so reshaping them
 * into a grid shows nothing.
 *
 * The first layer that has parameters must be a Dense or a convolution (a layer with a
 * 4-D kernel [outC, inC, kH, kW]); a Flatten or an activation before it is fine. A Dense on
 * a row that is not a square image needs options.imageShape, e.g. [3, 32, 32].
 */
export function firstLayerWeights(model: Sequential, options: { imageShape?: readonly number[] } = {}): WeightImages {
  const layer = model?.layers?.find((candidate: Layer) => candidate.params().length > 0);
  if (layer === undefined) {
    throw new Error("firstLayerWeights: the model has no layer with weights; expected a Dense or Conv2D layer");
  }
  const kind = layer.constructor.name;
  if (layer instanceof Dense) {
    const { channels, height, width } = imageShapeOf(`firstLayerWeights (layer "${layer.name}", Dense(${layer.inFeatures}, ${layer.outFeatures}))`, [layer.inFeatures], options.imageShape);
    const kernel = layer.kernel.value.data; // [inFeatures, outFeatures]: column u is unit u's weights
    const units = layer.outFeatures;
    const images = Array.from({ length: units }, (_, unit) => {
      const picture = new Float64Array(layer.inFeatures);
      for (let pixel = 0; pixel < layer.inFeatures; pixel++) picture[pixel] = kernel[pixel * units + unit];
      return picture;
    });
    return { layer: layer.name, units, channels, height, width, images };
  }
  const kernel = (layer as { kernel?: { value?: Tensor } }).kernel?.value;
  if (!(kernel instanceof Tensor) || kernel.rank !== 4) {
    const has = !(kernel instanceof Tensor) ? "no kernel" : `a kernel of ${formatShape(kernel.shape)}`;
    throw new Error(`firstLayerWeights: the first layer with weights, "${layer.name}" (${kind}), has ${has}; expected a Dense or a Conv2D with a kernel [outC, inC, kH, kW]`);
  }
  const [units, channels, height, width] = kernel.shape;
  const filterSize = channels * height * width;
  const images = Array.from({ length: units }, (_, unit) => kernel.data.slice(unit * filterSize, (unit + 1) * filterSize));
  return { layer: layer.name, units, channels, height, width, images };
}
