import { type Rng, rng } from "@gradschool/tensor";
import { Dense, type Layer, ReLU } from "@gradschool/backprop";
import { type ClassificationSet, spiral } from "@gradschool/datasets";
import type { Callback, TrainingContext } from "./callbacks.ts";
import type { History } from "./fit-options.ts";
import { Sequential } from "./model.ts";

/** For tests: cs231n's spiral, 3 arms of 60 points (seeded), rows grouped by class. */
export function smallSpiral(seed = 5): ClassificationSet {
  return spiral({ rng: rng(seed), pointsPerClass: 60, classes: 3 });
}

/** For tests: 2 → 32 → ReLU → 32 → ReLU → 3 logits, seeded, with any extra layers after the first ReLU. */
export function spiralNet(random: Rng, extra: Layer[] = []): Sequential {
  return new Sequential([
    new Dense(2, 32, { rng: random }),
    new ReLU(),
    ...extra,
    new Dense(32, 32, { rng: random }),
    new ReLU(),
    new Dense(32, 3, { rng: random }),
  ]);
}

/** For tests: a callback that writes down every hook call as "hook epoch.batch". */
export function hookRecorder(): Callback & { calls: string[] } {
  const calls: string[] = [];
  const record = (hook: string) => (context: TrainingContext) => void calls.push(`${hook} ${context.epoch}.${context.batch}`);
  return {
    calls,
    onTrainBegin: record("trainBegin"),
    onEpochBegin: record("epochBegin"),
    onBatchBegin: record("batchBegin"),
    onBatchEnd: record("batchEnd"),
    onEpochEnd: record("epochEnd"),
    onTrainEnd: record("trainEnd"),
  };
}

/** For tests: a TrainingContext for calling a callback's hooks by hand, with a history to fill. */
export function handMadeContext(model: Sequential, history: Partial<History> = {}): TrainingContext & { epoch: number } {
  return {
    model,
    optimizer: { name: "SGD", lr: 0.1, step() {}, zeroGrad() {} },
    history: { epochs: [], loss: [], metrics: {}, batchLoss: [], ...history },
    epochs: 10,
    samplesPerEpoch: 10,
    batchesPerEpoch: 1,
    verbose: false,
    epoch: 0,
    batch: 0,
    batchSize: 10,
    batchLoss: NaN,
    batchMetrics: {},
  };
}
