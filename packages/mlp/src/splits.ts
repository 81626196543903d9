import { type Rng, Tensor, formatShape, gatherRows } from "@gradschool/tensor";

export interface SplitOptions {
  /** The fraction of the samples that goes to the test set, strictly between 0 and 1, e.g. 0.2. */
  testFraction: number;
  /** Draws the shuffle; seed it so every run splits the same way. */
  rng: Rng;
}

export interface Split<Y extends Int32Array | Tensor = Int32Array> {
  xTrain: Tensor;
  yTrain: Y;
  xTest: Tensor;
  yTest: Y;
}

/**
 * Holds out a random ⌈testFraction · count⌉ samples (scikit-learn's rule) as a test set,
 * and keeps the rest for training. The test set stands in for data the model has never
 * seen: a score on the training data only says how well the model memorised it.
 *
 * The rows are shuffled first (data often arrives sorted by class), and both parts come
 * back in that shuffled order. y may be class indices (Int32Array) or a Tensor of targets
 * (one-hot rows, or real values for regression).
 */
export function trainTestSplit<Y extends Int32Array | Tensor>(x: Tensor, y: Y, options: SplitOptions): Split<Y> {
  const count = checkSplitArguments("trainTestSplit", x, y, options);
  const testCount = fractionOf(options.testFraction, count);
  checkBothSidesNonEmpty("trainTestSplit", testCount, count, options.testFraction);
  const order = options.rng.permutation(count);
  return gatherSplit(x, y, order.subarray(testCount), order.subarray(0, testCount));
}

/**
 * Like trainTestSplit, but each class is split on its own, so the test set has the same
 * class ratios as the whole data set: a class with nᶜ samples puts ⌊testFraction · nᶜ⌋ or
 * ⌈testFraction · nᶜ⌉ of them in the test set, always within one sample of its share.
 * This matters for small or imbalanced data, where a plain shuffle can leave a rare
 * class out of the test set altogether.
 *
 * The total is ⌈testFraction · count⌉, as in trainTestSplit: every class first gets the
 * whole part of its share, and the samples still missing go one each to the classes
 * with the largest fractional parts (ties broken at random).
 */
export function stratifiedSplit(x: Tensor, y: Int32Array, options: SplitOptions): Split {
  const count = checkSplitArguments("stratifiedSplit", x, y, options);
  if (!(y instanceof Int32Array)) {
    throw new Error(`stratifiedSplit: y must be an Int32Array of class indices; received ${describeValue(y)}`);
  }
  const { testFraction, rng: random } = options;
  const testCount = fractionOf(testFraction, count);
  checkBothSidesNonEmpty("stratifiedSplit", testCount, count, testFraction);

  const classes = [...indicesByClass(y).values()].map((members) => {
    const share = testFraction * members.length;
    const whole = Math.floor(share + 1e-9); // 1e-9: 0.7 · 10 is 7.000000000000001 in floating point
    return { members, share, testCount: whole, remainder: share - whole };
  });
  let missing = testCount - classes.reduce((total, group) => total + group.testCount, 0);
  random.shuffle(classes); // random tie-break among equal remainders: the sort below is stable
  classes.sort((a, b) => b.remainder - a.remainder);
  for (const group of classes) {
    if (missing <= 0) break;
    group.testCount++;
    missing--;
  }

  const train: number[] = [];
  const test: number[] = [];
  for (const { members, testCount: classTestCount } of classes) {
    random.shuffle(members);
    test.push(...members.slice(0, classTestCount));
    train.push(...members.slice(classTestCount));
  }
  // Mix the classes, so neither part is sorted by class.
  return gatherSplit(x, y, random.shuffle(Int32Array.from(train)), random.shuffle(Int32Array.from(test)));
}

/** The sample indices of each class, by label, in the order the labels appear. */
export function indicesByClass(labels: Int32Array): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  labels.forEach((label, index) => {
    const members = groups.get(label);
    if (members === undefined) groups.set(label, [index]);
    else members.push(index);
  });
  return new Map([...groups.entries()].sort(([a], [b]) => a - b)); // classes in label order, for determinism
}

/** ⌈fraction · count⌉, without floating-point noise turning 0.7 · 10 into 8. */
function fractionOf(fraction: number, count: number): number {
  return Math.ceil(fraction * count - 1e-9);
}

function gatherSplit<Y extends Int32Array | Tensor>(x: Tensor, y: Y, train: Int32Array, test: Int32Array): Split<Y> {
  const pick = (indices: Int32Array): Y => (y instanceof Tensor ? gatherRows(y, indices) : Int32Array.from(indices, (i) => y[i])) as Y;
  return { xTrain: gatherRows(x, train), yTrain: pick(train), xTest: gatherRows(x, test), yTest: pick(test) };
}

function checkSplitArguments(caller: string, x: Tensor, y: Int32Array | Tensor, options: SplitOptions): number {
  if (!(x instanceof Tensor) || x.rank < 1) {
    throw new Error(`${caller}: x must be a Tensor [samples, …]; received ${describeValue(x)}`);
  }
  if (!(y instanceof Int32Array) && !(y instanceof Tensor)) {
    throw new Error(`${caller}: y must be an Int32Array of labels or a Tensor of targets; received ${describeValue(y)}`);
  }
  const labelCount = y instanceof Tensor ? y.shape[0] : y.length;
  if (labelCount !== x.shape[0]) {
    throw new Error(`${caller}: x has ${x.shape[0]} samples (${formatShape(x.shape)}) but y has ${labelCount}; expected one target per sample`);
  }
  const testFraction = options?.testFraction;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new Error(`${caller}: testFraction must be strictly between 0 and 1, e.g. 0.2; received ${testFraction}`);
  }
  if (typeof options.rng?.permutation !== "function") {
    throw new Error(`${caller}: options.rng is required, e.g. { testFraction: 0.2, rng: rng(0) }, so the split is reproducible`);
  }
  return labelCount;
}

function checkBothSidesNonEmpty(caller: string, testCount: number, count: number, testFraction: number): void {
  if (testCount >= count) {
    throw new Error(
      `${caller}: testFraction ${testFraction} of ${count} samples puts ⌈${testFraction} · ${count}⌉ = ${testCount} in the test set ` +
        `and leaves none for training; expected at least one sample on each side`,
    );
  }
}

function describeValue(value: unknown): string {
  if (value instanceof Tensor) return `a Tensor ${formatShape(value.shape)}`;
  if (Array.isArray(value)) return "a plain array (wrap it with Int32Array.from(...))";
  return value === null ? "null" : (value?.constructor?.name ?? typeof value);
}
