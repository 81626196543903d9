import { checkPositive } from "./hyperparameters.ts";
import { type Param, checkParams, zeroGrad } from "./param.ts";

/**
 * What every optimizer offers. A training step is
 *
 *   optimizer.zeroGrad(params);   // grads ← 0
 *   model.backward(…);            // grads += ∂loss/∂θ
 *   optimizer.step(params);       // θ ← θ − (a step computed from the grads)
 *
 * `lr` can be changed between steps, which is how a schedule drives it.
 */
export interface Optimizer {
  readonly name: string;
  lr: number;
  step(params: readonly Param[]): void;
  zeroGrad(params: readonly Param[]): void;
}

/** What an optimizer remembers about one parameter: its own step count t, plus buffers. */
export interface ParamState {
  /** How many steps this parameter has taken, counting the one being taken (t = 1 on the first). */
  step: number;
  /** The parameter's element count, so a parameter that changes size is caught. */
  readonly size: number;
}

/**
 * The part all optimizers share: the learning rate (checked whenever it is set), the
 * input checks, and per-parameter state. State lives in a WeakMap keyed by the Param
 * object, so it is created on a parameter's first step (Float64Arrays of its size) and
 * reused in place on every later one: after the first step, a step allocates nothing.
 * Each subclass supplies two things: the state it needs, and its update rule, written as
 * one loop over the elements.
 */
export abstract class OptimizerBase<State extends ParamState> implements Optimizer {
  readonly name: string;
  #lr: number;
  readonly #states = new WeakMap<Param, State>();

  constructor(name: string, lr: number) {
    this.name = name;
    checkPositive(name, "lr", lr);
    this.#lr = lr;
  }

  get lr(): number {
    return this.#lr;
  }

  set lr(value: number) {
    checkPositive(`${this.name}.lr`, "lr", value);
    this.#lr = value;
  }

  /** Checks every parameter first (shapes, finite gradients), then updates each one in place. */
  step(params: readonly Param[]): void {
    checkParams(`${this.name}.step`, params);
    for (const param of params) {
      let state = this.#states.get(param);
      if (state === undefined) {
        state = this.createState(param.value.size);
        this.#states.set(param, state);
      } else if (state.size !== param.value.size) {
        throw new Error(
          `${this.name}.step: parameter "${param.name}" has ${param.value.size} elements but had ${state.size} ` +
            "at its last step; expected the same parameter tensor (use a new optimizer for a new model)",
        );
      }
      state.step += 1;
      this.update(param.value.data, param.grad.data, state);
    }
  }

  zeroGrad(params: readonly Param[]): void {
    zeroGrad(params);
  }

  /** Fresh state for a parameter of `size` elements, with step 0. */
  protected abstract createState(size: number): State;

  /** One step of the update rule on one parameter, in place: theta and the state's buffers change. */
  protected abstract update(theta: Float64Array, grad: Float64Array, state: State): void;
}
