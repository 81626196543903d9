import { tensor, zeros } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { Adagrad } from "./adagrad.ts";
import { Adam } from "./adam.ts";
import { AdamW } from "./adamw.ts";
import { type Optimizer, OptimizerBase, type ParamState } from "./optimizer.ts";
import type { Param } from "./param.ts";
import { RMSprop } from "./rmsprop.ts";
import { SGD } from "./sgd.ts";
import { param, trajectory } from "./test-support.ts";

/** Each optimizer with momentum or adaptive state switched on, so per-parameter state matters. */
const makers: Array<[string, (lr?: number) => Optimizer]> = [
  ["SGD", (lr = 0.1) => new SGD({ lr, momentum: 0.9, nesterov: true })],
  ["Adagrad", (lr = 0.1) => new Adagrad({ lr })],
  ["RMSprop", (lr = 0.1) => new RMSprop({ lr, momentum: 0.5, centered: true })],
  ["Adam", (lr = 0.1) => new Adam({ lr })],
  ["AdamW", (lr = 0.1) => new AdamW({ lr })],
];

describe.each(makers)("%s, like every optimizer,", (name, make) => {
  test("rejects lr ≤ 0 or not finite, in the constructor and the setter", () => {
    for (const lr of [0, -0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => make(lr)).toThrow(new RegExp(`^${name}: lr must be a finite number > 0; received ${lr}$`));
    }
    const optimizer = make();
    expect(() => {
      optimizer.lr = 0;
    }).toThrow(new RegExp(`^${name}\\.lr: lr must be a finite number > 0; received 0$`));
    expect(optimizer.lr).toBe(0.1);
  });

  test("a new lr takes effect on the next step (how a schedule drives it)", () => {
    const gradients = [[1], [-2], [0.5]];
    const optimizer = make(0.1);
    const w = param([1]);
    const after: number[] = [];
    for (const [index, gradient] of gradients.entries()) {
      if (index === 2) optimizer.lr = 0.1 / 4;
      optimizer.zeroGrad([w]);
      w.grad.data.set(gradient);
      optimizer.step([w]);
      after.push(w.value.data[0]);
    }
    // The same two first steps as an untouched optimizer, then a step a quarter of its size
    // (AdamW's decay also scales with lr, so its third step is a quarter too).
    const untouched = trajectory(make(0.1), [1], gradients).map(([theta]) => theta);
    expect(after.slice(0, 2)).toEqual(untouched.slice(0, 2));
    expect(after[2] - after[1]).toBeCloseTo((untouched[2] - untouched[1]) / 4, 12);
  });

  test("keeps separate state for each parameter object", () => {
    const gradientsA = [[1, 2], [3, -1], [0.5, 0.5]];
    const gradientsB = [[-4], [2], [7]];
    const shared = make();
    const a = param([1, 1], "a");
    const b = param([2], "b");
    for (let step = 0; step < 3; step++) {
      shared.zeroGrad([a, b]);
      a.grad.data.set(gradientsA[step]);
      b.grad.data.set(gradientsB[step]);
      shared.step([a, b]);
    }
    expect([...a.value.data]).toEqual(trajectory(make(), [1, 1], gradientsA)[2]);
    expect([...b.value.data]).toEqual(trajectory(make(), [2], gradientsB)[2]);
  });

  test("zeroGrad sets every gradient to 0 and leaves the values alone", () => {
    const a: Param = { name: "a", value: tensor([1, 2]), grad: tensor([3, 4]) };
    make().zeroGrad([a]);
    expect([...a.grad.data]).toEqual([0, 0]);
    expect([...a.value.data]).toEqual([1, 2]);
  });

  test("rejects a gradient whose shape differs from its parameter, naming both shapes", () => {
    const kernel: Param = { name: "dense1.kernel", value: zeros([4, 3]), grad: zeros([3, 4]) };
    expect(() => make().step([kernel])).toThrow(
      new RegExp(`^${name}\\.step: parameter "dense1\\.kernel" has value \\[4, 3\\] but grad \\[3, 4\\]`),
    );
  });

  test("rejects a NaN or infinite gradient, naming the parameter and the index, and changes no parameter", () => {
    const first = param([1, 2], "first");
    first.grad.data.set([0.5, 0.5]);
    const bad: Param = { name: "dense2.bias", value: zeros([2, 3]), grad: zeros([2, 3]) };
    bad.grad.data[4] = Number.NaN;
    const optimizer = make();
    expect(() => optimizer.step([first, bad])).toThrow(
      new RegExp(`^${name}\\.step: parameter "dense2\\.bias" has a non-finite gradient NaN at index \\[1, 1\\]`),
    );
    expect([...first.value.data]).toEqual([1, 2]); // checked before anything moved
    bad.grad.data[4] = Number.NEGATIVE_INFINITY;
    expect(() => optimizer.step([bad])).toThrow(/gradient -Infinity at index \[1, 1\]/);
  });

  test("rejects a parameter that changed size since its last step", () => {
    const optimizer = make();
    const w = param([1, 2]);
    optimizer.step([w]);
    w.value = zeros([3]);
    w.grad = zeros([3]);
    expect(() => optimizer.step([w])).toThrow(new RegExp(`${name}\\.step: parameter "w" has 3 elements but had 2`));
  });

  test("rejects a parameter without tensors", () => {
    const broken = { name: "w", value: [1, 2], grad: zeros([2]) } as unknown as Param;
    expect(() => make().step([broken])).toThrow(new RegExp(`${name}\\.step: parameter "w" needs Tensors in value and grad; received value: object`));
  });
});

describe("OptimizerBase", () => {
  test("a new update rule is one loop: sign SGD, θ ← θ − lr·sign(g), in a few lines", () => {
    class SignSGD extends OptimizerBase<ParamState> {
      constructor(lr: number) {
        super("SignSGD", lr);
      }
      protected createState(size: number): ParamState {
        return { step: 0, size };
      }
      protected update(theta: Float64Array, grad: Float64Array): void {
        for (let i = 0; i < theta.length; i++) theta[i] -= this.lr * Math.sign(grad[i]);
      }
    }
    expect(trajectory(new SignSGD(0.5), [0, 0], [[3, -0.001], [-2, 0]])).toEqual([
      [-0.5, 0.5],
      [0, 0.5],
    ]);
    expect(() => new SignSGD(-1)).toThrow(/SignSGD: lr must be a finite number > 0; received -1/);
  });
});
