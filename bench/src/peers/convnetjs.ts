/**
 * ConvNetJS as a peer: Andrej Karpathy's 2014 library, plain JavaScript on Float64Arrays,
 * which trains one sample at a time (forward and backward per sample, a weight update every
 * batchSize samples). It has fully-connected and convolutional layers, no recurrent ones.
 */
import convnetjs from "convnetjs";
import type { Contestant } from "../measure.ts";
import { type MnistSamples, batchStarts } from "../mnist-batches.ts";
import { ConvNetAdam } from "./convnetjs-adam.ts";

export type LayerDef = convnetjs.LayerDef;

/**
 * A ConvNetJS training contestant: the network from `layers`, trained with Adam lr 1e-3
 * (see convnetjs-adam.ts). One step is one batch: `batchSize` samples, each copied into
 * the input Vol, which is how ConvNetJS takes its data.
 */
export function convnetjsTrainer(layers: LayerDef[], batchSize: number, samples: MnistSamples): Contestant {
  const net = new convnetjs.Net();
  net.makeLayers(layers);
  const trainer = new ConvNetAdam(net, { lr: 1e-3, batchSize });
  const [input] = layers;
  const image = new convnetjs.Vol(Number(input.out_sx), Number(input.out_sy), Number(input.out_depth), 0);
  const nextBatch = batchStarts(batchSize);
  return {
    name: "ConvNetJS",
    unitsPerStep: batchSize,
    parameters: net.getParamsAndGrads().reduce((total, { params }) => total + params.length, 0),
    step: () => {
      const start = nextBatch();
      let lossTotal = 0;
      for (let sample = start; sample < start + batchSize; sample++) {
        image.w.set(samples.pixels64.subarray(sample * image.w.length, (sample + 1) * image.w.length));
        lossTotal += trainer.train(image, samples.labels[sample]);
      }
      return lossTotal / batchSize;
    },
  };
}
