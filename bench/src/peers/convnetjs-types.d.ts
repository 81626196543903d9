/**
 * Types for the parts of ConvNetJS 0.3.0 the benchmark uses (the package ships none).
 * ConvNetJS is plain JavaScript from 2014: a network is a list of layer definitions,
 * data travels as Vols (width × height × depth, Float64Array), one sample at a time.
 */
declare module "convnetjs" {
  namespace convnetjs {
    /** A 3-D block of numbers: w[((width · y) + x) · depth + d]; dw holds its gradient. */
    class Vol {
      constructor(width: number, height: number, depth: number, fill?: number);
      sx: number;
      sy: number;
      depth: number;
      w: Float64Array;
      dw: Float64Array;
    }

    /** e.g. { type: "fc", num_neurons: 128, activation: "relu" }; see the ConvNetJS docs. */
    interface LayerDef {
      type: "input" | "fc" | "conv" | "pool" | "relu" | "softmax";
      [option: string]: string | number;
    }

    /** One weight array of a layer and the gradient the net adds into it. */
    interface ParamsAndGrads {
      params: Float64Array;
      grads: Float64Array;
    }

    class Net {
      makeLayers(definitions: LayerDef[]): void;
      /** Runs the sample forward; `isTraining` keeps what backward needs. */
      forward(input: Vol, isTraining?: boolean): Vol;
      /** Backpropagates the loss for the true class `label`, adds into every grads, returns the loss. */
      backward(label: number): number;
      getParamsAndGrads(): ParamsAndGrads[];
    }
  }
  export = convnetjs;
}
