/**
 * Small seeded models for the tests: a smooth MLP (tanh, no kinks), a ReLU MLP, a tiny CNN
 * on 6×6 images built from @gradschool/cnn. Not part of the public API.
 */
import { Dense, ReLU, Tanh, type Layer } from "@gradschool/backprop";
import { Conv2D, Flatten, MaxPool2D } from "@gradschool/cnn";
import { Sequential } from "@gradschool/mlp";
import { type Rng, randn, rng } from "@gradschool/tensor";

/** Fills every bias with N(0, 0.5²), so no test passes only because the biases start at 0. */
function withRandomBiases(model: Sequential, random: Rng): Sequential {
  for (const param of model.params()) {
    if (param.name.endsWith(".bias")) param.value.data.set(randn(param.value.shape, random, 0.5).data);
  }
  return model;
}

/** 6 features → Dense(5) → tanh → Dense(3): smooth everywhere, so its gradients check to 1e-6 anywhere. */
export function tanhMlp(seed = 1): Sequential {
  const random = rng(seed);
  return withRandomBiases(new Sequential([new Dense(6, 5, { rng: random }), new Tanh(), new Dense(5, 3, { rng: random })]), random);
}

/** 6 features → Dense(8) → ReLU → Dense(3), or the same with every bias 0 when `biases` is false. */
export function reluMlp(seed = 2, { biases = true } = {}): Sequential {
  const random = rng(seed);
  const model = new Sequential([new Dense(6, 8, { rng: random, name: "hidden" }), new ReLU(), new Dense(8, 3, { rng: random, name: "logits" })]);
  return biases ? withRandomBiases(model, random) : model;
}

/** [batch, 1, 6, 6] → Conv2D(1→2, 3×3) → tanh → MaxPool2D(2) → Flatten → Dense(8, 3): a CNN small enough to check every pixel. */
export function tinyCnn(seed = 3): Sequential {
  const random = rng(seed);
  const layers: Layer[] = [
    new Conv2D(1, 2, 3, { rng: random, name: "conv" }),
    new Tanh(),
    new MaxPool2D(2),
    new Flatten(),
    new Dense(8, 3, { rng: random, name: "logits" }),
  ];
  return withRandomBiases(new Sequential(layers, { inputShape: [1, 6, 6] }), random);
}
