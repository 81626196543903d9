/**
 * The course manifest: the one ordered list of lessons.
 *
 * Like rustlings' info.toml, this array is the single source of the course order.
 * `npm start` walks it to find the next lesson, `npm start -- --list` prints it, and the
 * docs sidebar reads it for previous/next links. Nothing else may decide the order.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface LessonEntry {
  /** Position in the course, counting from 0 with no gaps. */
  number: number;
  /** Short lowercase name a learner can type: `npm start -- losses`. */
  slug: string;
  /** Folder under lessons/: the two-digit number, a dash, the slug ("00-tensors"). */
  folder: string;
  title: string;
  /** One line: what the lesson gives the learner. */
  summary: string;
}

// Lessons are added here, in course order, when their folders are created;
// manifest.test.ts fails if this list and the lessons/ folders disagree.
export const lessons: readonly LessonEntry[] = [
  {
    number: 0,
    slug: "tensors",
    folder: "00-tensors",
    title: "Tensors",
    summary:
      "Shapes, broadcasting, matrix multiplication and seeded randomness — the data every network is made of.",
  },
  {
    number: 1,
    slug: "neuron",
    folder: "01-neuron",
    title: "A single neuron",
    summary:
      "A weighted sum and a sigmoid: derive its gradient by hand, check it, train it on AND, OR and blobs, and watch it fail on XOR.",
  },
  {
    number: 2,
    slug: "activations",
    folder: "02-activations",
    title: "Activations",
    summary:
      "Sigmoid to GELU with their derivatives: saturation, vanishing gradients, dead ReLUs and a numerically stable softmax.",
  },
  {
    number: 3,
    slug: "losses",
    folder: "03-losses",
    title: "Losses",
    summary:
      "Seven loss functions side by side, why cross-entropy beats squared error for a sigmoid classifier, and why softmax and cross-entropy are fused.",
  },
  {
    number: 4,
    slug: "optimizers",
    folder: "04-optimizers",
    title: "Optimizers",
    summary:
      "Seven optimizers raced through Rosenbrock's banana and a stretched bowl: their paths over the contours, a cosine schedule, and learning rates too small, right and too large.",
  },
  {
    number: 5,
    slug: "backprop",
    folder: "05-backprop",
    title: "Backpropagation",
    summary:
      "The chain rule on a graph of numbers, then a layer at a time: Value and Dense agree to 1e-17, and a 2 → 4 → 1 network solves XOR from every seed.",
  },
  {
    number: 6,
    slug: "mlp",
    folder: "06-mlp",
    title: "The MLP on MNIST",
    summary:
      "Train the classic Keras MLP on handwritten digits with fit, read the confusion matrix, and see why the softmax belongs in the loss.",
  },
  {
    number: 7,
    slug: "generalization",
    folder: "07-generalization",
    title: "Generalisation",
    summary:
      "Underfitting and overfitting on 1,000 MNIST digits; L2, dropout, batchnorm and early stopping, each from the same weights; zeros vs Glorot vs He in a deep ReLU net; 5-fold cross-validation as mean ± std.",
  },
  {
    number: 8,
    slug: "cnn",
    folder: "08-cnn",
    title: "Convolutional networks",
    summary:
      "A convolution by hand, im2col as one matrix product, pooling and where it sends the gradient, then the reference CNN (121,930 parameters) on MNIST, with its learnt filters and one digit's feature maps drawn in ASCII; 99.12% with --full.",
  },
  {
    number: 9,
    slug: "rnn",
    folder: "09-rnn",
    title: "Recurrent networks",
    summary:
      "Unroll a SimpleRNN and backpropagate through time by hand; watch gradients vanish (SimpleRNN vs LSTM on a 40-step memory task) and explode (clipping fixes it); the Keras reference RNN on MNIST rows; an LSTM that writes Genesis at three temperatures.",
  },
  {
    number: 10,
    slug: "interpretation",
    folder: "10-interpretation",
    title: "Looking inside a trained network",
    summary:
      "Saliency, gradient × input, occlusion and first-layer weight pictures on an MNIST MLP, then permutation importance on a table with known useless and correlated features — what each method can and cannot tell you.",
  },
  {
    number: 11,
    slug: "speed",
    folder: "11-speed",
    title: "Speed",
    summary:
      "Measured live on your machine: three matrix-multiply loops, V8's warm-up and deoptimisation, the cache, allocation in a training step, and our training speed beside TensorFlow.js and ConvNetJS.",
  },
];

/** Absolute path of the repository root, found from this file (packages/course/src/). */
export function repoRoot(): string {
  return fileURLToPath(new URL("../../../", import.meta.url)).replace(/[\\/]$/, "");
}

/** Absolute path of the lessons/ folder. */
export function lessonsRoot(): string {
  return join(repoRoot(), "lessons");
}

/** Absolute path of one lesson's folder, e.g. /…/lessons/00-tensors. */
export function lessonPath(entry: LessonEntry, root: string = lessonsRoot()): string {
  return join(root, entry.folder);
}
