import { Tensor } from "@gradschool/tensor";
import { atLeast } from "./row-loops.ts";

/**
 * The working memory of a recurrent layer, kept between calls so that a training step
 * allocates nothing per time step. This file exists for speed; recurrent-layer.ts says
 * what each buffer means in the algorithm.
 *
 * Everything is time-major (time-major.ts): the B rows of step t sit together, so "the
 * matrix of step t" is a view into the buffer, and "all steps" is the whole buffer seen
 * as one [T·B, …] matrix. The views are Tensors over subarrays, made once per (batch,
 * time) shape; the Float64Arrays only grow, so the smaller last batch of an epoch reuses
 * the memory of the full ones.
 *
 *   inputs        x_1 … x_T                           [T·B, inputSize]
 *   gateValues    z_t = x_t·W + b (+ h_{t−1}·U),      [T·B, G·units]
 *                 overwritten by the gates' values by each cell's forwardStep
 *   states        h_0 = 0, h_1 … h_T                  [(T+1)·B, units]
 *   gradGates     ∂L/∂z_t                             [T·B, G·units]
 *   gradRecurrent ∂L/∂a_t, the gradient of a_t = h_{t−1}·U: the same array as gradGates,
 *                 except for the GRU (separateRecurrentGradient)
 *   gradOutputs   ∂L/∂h_t that comes from the layer's output
 *   gradState     ∂L/∂h_t for the step being processed [B, units]
 *   gradCarry     ∂L/∂h_{t−1} that step t sends back   [B, units]
 *   gradInputs    ∂L/∂x_t                             [T·B, inputSize]
 */
export class RecurrentBuffers {
  batchSize = 0;
  steps = 0;
  inputs = new Float64Array(0);
  gateValues = new Float64Array(0);
  states = new Float64Array(0);
  gradGates = new Float64Array(0);
  gradRecurrent = new Float64Array(0);
  gradOutputs = new Float64Array(0);
  gradState = new Float64Array(0);
  gradCarry = new Float64Array(0);
  gradInputs = new Float64Array(0);

  // Views, rebuilt when the shape changes.
  allInputs = emptyMatrix();
  allGates = emptyMatrix();
  allGradGates = emptyMatrix();
  allGradInputs = emptyMatrix();
  /** h_1 … h_{T−1}, the previous states of steps 2 … T: [(T−1)·B, units] (empty when T = 1). */
  laterPreviousStates = emptyMatrix();
  /** ∂L/∂a_2 … ∂L/∂a_T, to pair with laterPreviousStates. */
  laterGradRecurrent = emptyMatrix();
  gradCarryMatrix = emptyMatrix();
  private stateViews: Tensor[] = [];
  private gateViews: Tensor[] = [];
  private gradGateViews: Tensor[] = [];
  private gradRecurrentViews: Tensor[] = [];

  constructor(
    private readonly inputSize: number,
    private readonly units: number,
    private readonly gates: number,
    private readonly separateRecurrentGradient = false,
  ) {}

  /** h_t as a [B, units] matrix, t = 0 … T (h_0 = 0). */
  stateAt(t: number): Tensor {
    return this.stateViews[t];
  }

  /** z_t (or the gates' values) of step t = 1 … T, [B, G·units]. */
  gatesAt(t: number): Tensor {
    return this.gateViews[t - 1];
  }

  gradGatesAt(t: number): Tensor {
    return this.gradGateViews[t - 1];
  }

  gradRecurrentAt(t: number): Tensor {
    return this.gradRecurrentViews[t - 1];
  }

  /** Makes the buffers and views fit a batch of `batchSize` sequences of `steps` steps, and sets h_0 = 0. */
  prepare(batchSize: number, steps: number): void {
    const { inputSize, units } = this;
    const width = this.gates * units;
    if (batchSize !== this.batchSize || steps !== this.steps) {
      this.batchSize = batchSize;
      this.steps = steps;
      const rows = steps * batchSize;
      this.inputs = atLeast(this.inputs, rows * inputSize);
      this.gateValues = atLeast(this.gateValues, rows * width);
      this.states = atLeast(this.states, (steps + 1) * batchSize * units);
      this.gradGates = atLeast(this.gradGates, rows * width);
      this.gradRecurrent = this.separateRecurrentGradient ? atLeast(this.gradRecurrent, rows * width) : this.gradGates;
      this.gradOutputs = atLeast(this.gradOutputs, rows * units);
      this.gradState = atLeast(this.gradState, batchSize * units);
      this.gradCarry = atLeast(this.gradCarry, batchSize * units);
      this.gradInputs = atLeast(this.gradInputs, rows * inputSize);

      this.allInputs = matrix(this.inputs, 0, rows, inputSize);
      this.allGates = matrix(this.gateValues, 0, rows, width);
      this.allGradGates = matrix(this.gradGates, 0, rows, width);
      this.allGradInputs = matrix(this.gradInputs, 0, rows, inputSize);
      this.laterPreviousStates = matrix(this.states, batchSize, (steps - 1) * batchSize, units);
      this.laterGradRecurrent = matrix(this.gradRecurrent, batchSize, (steps - 1) * batchSize, width);
      this.gradCarryMatrix = matrix(this.gradCarry, 0, batchSize, units);
      this.stateViews = Array.from({ length: steps + 1 }, (_, t) => matrix(this.states, t * batchSize, batchSize, units));
      this.gateViews = Array.from({ length: steps }, (_, s) => matrix(this.gateValues, s * batchSize, batchSize, width));
      this.gradGateViews = Array.from({ length: steps }, (_, s) => matrix(this.gradGates, s * batchSize, batchSize, width));
      this.gradRecurrentViews = Array.from({ length: steps }, (_, s) => matrix(this.gradRecurrent, s * batchSize, batchSize, width));
    }
    this.states.fill(0, 0, batchSize * units); // h_0 = 0
  }
}

/** Rows [firstRow, firstRow + rows) of a row-major buffer with `cols` columns, as a [rows, cols] Tensor view. */
function matrix(buffer: Float64Array, firstRow: number, rows: number, cols: number): Tensor {
  return new Tensor(buffer.subarray(firstRow * cols, (firstRow + rows) * cols), [rows, cols]);
}

function emptyMatrix(): Tensor {
  return new Tensor(new Float64Array(0), [0, 0]);
}
