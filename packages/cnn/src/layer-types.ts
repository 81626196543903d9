import { rng } from "@gradschool/tensor";
import { initializers } from "@gradschool/backprop";
import { registerLayerType } from "@gradschool/mlp";
import { Conv2D } from "./conv2d.ts";
import { MaxPool2D } from "./max-pool2d.ts";
import { AvgPool2D } from "./avg-pool2d.ts";
import { Flatten } from "./flatten.ts";
import type { Padding } from "./window-geometry.ts";

/**
 * Teaches mlp's save and load the layers of this package. Importing this file is enough
 * (src/index.ts does), as Keras's register_keras_serializable.
 *
 *   Conv2D      config { inChannels, outChannels, kernelSize, stride, padding, name };
 *               weights kernel [outC, inC, kH, kW] and bias [outC] (its params)
 *   MaxPool2D   config { size, stride, name }; no weights
 *   AvgPool2D   config { size, stride, name }; no weights
 *   Flatten     config { name }; no weights
 */
registerLayerType<Conv2D>("Conv2D", {
  toConfig: (layer) => layer.config(),
  fromConfig: (config) =>
    // zeros, not random: load overwrites every weight, so drawing them would be wasted work.
    new Conv2D(Number(config.inChannels), Number(config.outChannels), config.kernelSize as [number, number], {
      rng: rng(0),
      init: initializers.zeros,
      stride: config.stride as [number, number],
      padding: config.padding as Padding,
      name: String(config.name),
    }),
});

registerLayerType<MaxPool2D>("MaxPool2D", {
  toConfig: (layer) => layer.config(),
  fromConfig: (config) => new MaxPool2D(config.size as [number, number], config.stride as [number, number], { name: String(config.name) }),
});

registerLayerType<AvgPool2D>("AvgPool2D", {
  toConfig: (layer) => layer.config(),
  fromConfig: (config) => new AvgPool2D(config.size as [number, number], config.stride as [number, number], { name: String(config.name) }),
});

registerLayerType<Flatten>("Flatten", {
  toConfig: (layer) => ({ name: layer.name }),
  fromConfig: (config) => new Flatten({ name: String(config.name) }),
});
