/**
 * Checks the claims of lesson 01, two ways:
 *   1. run lesson.ts as a learner does and read what it prints;
 *   2. recompute each claim independently with @gradschool/neuron, @gradschool/tensor and
 *      @gradschool/gradcheck.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { capture, linesNotPrinted, parseNumber, quotedLines, runLessonScript, section } from "@gradschool/course";
import { andGate, blobs, orGate, xor } from "@gradschool/datasets";
import { checkGradient } from "@gradschool/gradcheck";
import { Neuron, accuracy, sigmoid, train } from "@gradschool/neuron";
import { type Tensor, rng, tensor } from "@gradschool/tensor";
import { beforeAll, describe, expect, test } from "vitest";

const lessonDir = fileURLToPath(new URL(".", import.meta.url));

/** The rows of a printed truth table: x1, x2, a, prediction, target, mark. */
function truthRows(text: string): Array<{ x1: number; x2: number; a: number; prediction: number; target: number; mark: string }> {
  return [...text.matchAll(/^ ([01]) +([01]) +(\d\.\d{4}) +([01]) +([01]) +([✓✗])$/gm)].map(([, x1, x2, a, prediction, target, mark]) => ({
    x1: Number(x1),
    x2: Number(x2),
    a: Number(a),
    prediction: Number(prediction),
    target: Number(target),
    mark,
  }));
}

/** A printed equation "w1·x1 ± w2·x2 ± b" as [w1, w2, b]. */
function equationIn(text: string, prefix: string): [number, number, number] {
  const number = "(−?[\\d.e+-]+)";
  const sign = "([+−] [\\d.e+-]+)";
  const [w1, w2, b] = capture(text, new RegExp(`${prefix}${number}·x1 ${sign}·x2 ${sign}`));
  return [parseNumber(w1), parseNumber(w2), parseNumber(b)];
}

const steps = 1000;
const lr = 1;
const cloudData = () => blobs({ samples: 100, centers: [[-2, -1], [2, 1]], std: 0.6, rng: rng(7) });

describe("lesson 01 as a learner runs it", () => {
  let output = "";
  let secondOutput = "";

  beforeAll(async () => {
    output = await runLessonScript(lessonDir);
    secondOutput = await runLessonScript(lessonDir);
  }, 600_000);

  test("a second run prints exactly the same text, so the docs can embed it", () => {
    expect(secondOutput).toBe(output);
  });

  test("every line the README quotes in a text block is a line the lesson prints", () => {
    const quoted = quotedLines(readFileSync(new URL("README.md", import.meta.url), "utf8"));
    expect(quoted.length).toBeGreaterThan(20);
    expect(linesNotPrinted(quoted, output), "README lines the lesson does not print").toEqual([]);
  });

  test("with NO_COLOR=1 it prints no ANSI escape codes", () => {
    expect(output.includes("\u001b")).toBe(false);
  });

  test("step 1: each z is 1·x1 + 1·x2 − 1.5 and each a is σ(z); the hand-made neuron computes AND", () => {
    const rows = [...output.matchAll(/^x = \(([01]), ([01])\):  z = .* = +(-?\d\.\d) +a = σ\(z\) = .* = (\d\.\d{4}) +→ class ([01]), target ([01])$/gm)];
    expect(rows).toHaveLength(4);
    for (const [, x1, x2, z, a, predicted, target] of rows) {
      expect(Number(z)).toBeCloseTo(Number(x1) + Number(x2) - 1.5, 10);
      expect(Number(a)).toBeCloseTo(sigmoid(Number(z)), 4);
      expect(predicted).toBe(target);
    }
  });

  test("step 1: the printed cross-entropy is the mean of −ln(probability of the right answer)", () => {
    const [terms, loss] = capture(output, /^L = −\(1\/4\)·\[(.*)\] = (\d\.\d{4})$/m);
    const logs = [...terms.matchAll(/ln(\(1 − )?\s*(\d\.\d{4})/g)].map(([, complement, a]) => Math.log(complement ? 1 - Number(a) : Number(a)));
    expect(logs).toHaveLength(4);
    expect(Number(loss)).toBeCloseTo(-logs.reduce((total, value) => total + value, 0) / 4, 3);
    expect(Number(loss)).toBeCloseTo(Neuron.from([1, 1], -1.5).loss(andGate().x, andGate().y), 4);
  });

  test("step 2: the printed gradient is (1/4)·Xᵀ(a − y) and mean(a − y) of the printed a − y", () => {
    const errors = capture(output, /^a − y for the four rows: \[(.*)\]$/m)[0].split(", ").map(parseNumber);
    const { x } = andGate();
    const [gw1, gw2] = capture(output, /^∂L\/∂w = \(1\/4\)·Xᵀ\(a − y\) = \((-?\d\.\d{4}), (-?\d\.\d{4})\)$/m).map(Number);
    const [gb] = capture(output, /^∂L\/∂b = mean\(a − y\) += (-?\d\.\d{4})$/m).map(Number);
    const column = (j: number) => errors.reduce((total, error, i) => total + x.get(i, j) * error, 0) / 4;
    expect(gw1).toBeCloseTo(column(0), 3);
    expect(gw2).toBeCloseTo(column(1), 3);
    expect(gb).toBeCloseTo(errors.reduce((total, error) => total + error, 0) / 4, 3);
  });

  test("step 2: by hand and measured agree to 10 digits, every relative error below 1e-6, and the check passes", () => {
    const rows = [...output.matchAll(/^(w1|w2|b) +(-?\d\.\d{10}) +(-?\d\.\d{10}) +(\d\.\de-?\d+)$/gm)];
    expect(rows.map(([, name]) => name)).toEqual(["w1", "w2", "b"]);
    for (const [, , byHand, measured, relError] of rows) {
      expect(Math.abs(Number(byHand) - Number(measured))).toBeLessThanOrEqual(2e-10);
      expect(Number(relError)).toBeLessThan(1e-6);
    }
    const [wError, bError, verdict] = capture(output, /max relative error (\S+) for w, (\S+) for b — (\w+) \(tolerance 1e-6\)/);
    expect(Number(wError)).toBeLessThan(1e-6);
    expect(Number(bError)).toBeLessThan(1e-6);
    expect(verdict).toBe("passed");
  });

  test("step 2: forgetting the 1/N gives relative error 1 − 1/4 = 0.75 and fails the check", () => {
    const [relError, verdict] = capture(output, /forgets the 1\/N: max relative error (\d\.\d\d) — (\w+)/);
    expect(Number(relError)).toBe(0.75);
    expect(verdict).toBe("FAILED");
  });

  test("step 3: AND and OR reach 100%, every row of both truth tables correct, the loss falling", () => {
    const step3 = section(output, "── Step 3");
    for (const [name, gate] of [["AND", andGate()], ["OR", orGate()]] as const) {
      const block = step3.slice(step3.indexOf(`${name}: loss`));
      const [first, last, percent] = capture(block, new RegExp(`^${name}: loss (\\d\\.\\d{4}) → (\\d\\.\\d{4}), accuracy (\\d+)%$`, "m"));
      expect(Number(percent)).toBe(100);
      expect(Number(last)).toBeLessThan(Number(first) / 20);
      const rows = truthRows(block).slice(0, 4);
      expect(rows.map((row) => row.target)).toEqual(Array.from(gate.y));
      for (const row of rows) {
        expect(row.prediction).toBe(row.target);
        expect(row.mark).toBe("✓");
        expect(row.a >= 0.5).toBe(row.target === 1);
      }
    }
  });

  test("step 3: each table's probabilities are σ of the printed learned equation", () => {
    const step3 = section(output, "── Step 3");
    for (const name of ["AND", "OR"]) {
      const block = step3.slice(step3.indexOf(`${name}: loss`));
      const [w1, w2, b] = equationIn(block, "learned z = ");
      for (const row of truthRows(block).slice(0, 4)) expect(row.a).toBeCloseTo(sigmoid(w1 * row.x1 + w2 * row.x2 + b), 3);
    }
  });

  test("step 4: blobs reach 100/100, and the printed line puts every point on its own side", () => {
    const step4 = section(output, "── Step 4");
    const [correct, percent] = capture(step4, /accuracy (\d+)\/100 = (\d+)%/);
    expect(Number(correct)).toBe(100);
    expect(Number(percent)).toBe(100);
    const [w1, w2, b] = equationIn(step4, "the neuron's boundary is the line ");
    const { x, y } = cloudData();
    for (let i = 0; i < 100; i++) expect(w1 * x.get(i, 0) + w2 * x.get(i, 1) + b >= 0).toBe(y[i] === 1);
    expect(step4).not.toContain("outside the plot");
    expect((step4.match(/[01]/g) ?? []).length).toBeGreaterThan(40); // the points are drawn
  });

  test("step 5: XOR stalls — accuracy at most 75%, the loss above 0.6 and equal to ln 2, every probability 0.5", () => {
    const step5 = section(output, "── Step 5");
    const [first, last, percent] = capture(step5, /^XOR: loss (\d\.\d{4}) → (\d\.\d{4}), accuracy (\d+)%$/m).map(Number);
    expect(percent).toBeLessThanOrEqual(75);
    expect(last).toBeGreaterThan(0.6);
    expect(last).toBeCloseTo(Math.LN2, 4);
    expect(first).toBeGreaterThan(last);
    const rows = truthRows(step5);
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.a).toBe(0.5);
    expect(rows.filter((row) => row.mark === "✓").length / 4).toBe(percent / 100);
  });

  test("step 5: of 10,000 random lines the best gets 75% of XOR, never 100%; the count repeats with rng(2)", () => {
    const [count, best] = capture(output, /Of 10,000 random lines, (\d+) classify 3 of the 4 rows, and the best any of them does is (\d+)%/).map(Number);
    expect(best).toBe(75);
    const { x, y } = xor();
    const search = rng(2);
    let recounted = 0;
    for (let trial = 0; trial < 10_000; trial++) {
      const line = Neuron.from([search.normal(), search.normal()], search.uniform(-2, 2));
      if (accuracy(line.predict(x), y) === 0.75) recounted++;
    }
    expect(count).toBe(recounted);
    expect(output).toContain("the best random line");
  });

  test("it ends with one loss chart holding AND, OR, XOR and blobs, their last values as printed", () => {
    const chartStart = output.indexOf("── The loss of every run");
    expect(chartStart).toBeGreaterThan(output.indexOf("Step 5"));
    const chart = output.slice(chartStart);
    expect(chart).toContain("┤");
    const legend = capture(chart, /^ +── AND (\S+) +══ OR (\S+) +━━ XOR (\S+) +┄┄ blobs (\S+)$/m).map(Number);
    const finals = ["AND", "OR", "XOR", "blobs"].map((name) => Number(capture(output, new RegExp(`^${name}: loss \\d\\.\\d{4} → (\\d\\.\\d{4})`, "m"))[0]));
    legend.forEach((value, i) => expect(value).toBeCloseTo(finals[i], 3));
  });
});

describe("lesson 01's claims, recomputed", () => {
  test("the hand-derived gradient matches central differences on AND, XOR and blobs, for w and b", () => {
    for (const data of [andGate(), xor(), cloudData()]) {
      const neuron = new Neuron(2, { rng: rng(1) });
      neuron.bias = -0.2; // not 0, so a bias term that is dropped somewhere would show
      const { gradWeights, gradBias } = neuron.gradients(data.x, data.y);
      const weightReport = checkGradient((w: Tensor) => Neuron.from(w, neuron.bias).loss(data.x, data.y), neuron.weights, gradWeights);
      const biasReport = checkGradient(
        (b: Tensor) => Neuron.from(neuron.weights, b.data[0]).loss(data.x, data.y),
        tensor([neuron.bias]),
        tensor([gradBias]),
      );
      expect(weightReport.maxRelError).toBeLessThan(1e-6);
      expect(biasReport.maxRelError).toBeLessThan(1e-6);
    }
  });

  test("trained the lesson's way, AND, OR and blobs reach 100% and XOR at most 75% with loss above 0.6", () => {
    for (const data of [andGate(), orGate(), cloudData()]) {
      const neuron = new Neuron(2, { rng: rng(1) });
      train(neuron, data.x, data.y, { steps, lr });
      expect(accuracy(neuron.predict(data.x), data.y)).toBe(1);
    }
    const neuron = new Neuron(2, { rng: rng(1) });
    const losses = train(neuron, xor().x, xor().y, { steps, lr });
    expect(accuracy(neuron.predict(xor().x), xor().y)).toBeLessThanOrEqual(0.75);
    expect(losses.at(-1)).toBeGreaterThan(0.6);
  });

  test("XOR's best is w = 0, b = 0: the gradient there is exactly zero and the loss is ln 2", () => {
    const { x, y } = xor();
    const flat = new Neuron(2, { init: "zeros" });
    const { gradWeights, gradBias, loss } = flat.gradients(x, y);
    expect(Array.from(gradWeights.data)).toEqual([0, 0]);
    expect(gradBias).toBe(0);
    expect(loss).toBeCloseTo(Math.LN2, 15);
    // Cross-entropy of a neuron is convex in (w, b), so a zero gradient is the global minimum.
    for (const [w1, w2, b] of [[0.1, 0, 0], [0, -0.3, 0.2], [1, 1, -1.5], [2, -2, 0.5]]) {
      expect(Neuron.from([w1, w2], b).loss(x, y)).toBeGreaterThan(loss);
    }
  });

  test("no line classifies all four XOR rows: the four inequalities contradict each other", () => {
    // Right on (0,1) and (1,0) means w2 + b ≥ 0 and w1 + b ≥ 0; right on (0,0) and (1,1) means b < 0 and
    // w1 + w2 + b < 0. Adding the first two gives w1 + w2 + 2b ≥ 0; adding the last two gives w1 + w2 + 2b < 0.
    const { x, y } = xor();
    const random = rng(99);
    let best = 0;
    for (let trial = 0; trial < 20_000; trial++) {
      const line = Neuron.from([random.normal(0, 3), random.normal(0, 3)], random.normal(0, 3));
      best = Math.max(best, accuracy(line.predict(x), y));
    }
    expect(best).toBe(0.75);
  });

  test("the lesson's blobs are separable with room to spare: their centres are more than 7 spreads apart", () => {
    const { x, y } = cloudData();
    // Project every point on the direction between the centres, (4, 2)/|(4, 2)|; class 0 must all lie below class 1.
    const norm = Math.hypot(4, 2);
    const projections = Array.from({ length: 100 }, (_, i) => (4 * x.get(i, 0) + 2 * x.get(i, 1)) / norm);
    const highest0 = Math.max(...projections.filter((_, i) => y[i] === 0));
    const lowest1 = Math.min(...projections.filter((_, i) => y[i] === 1));
    expect(highest0).toBeLessThan(lowest1);
    expect(norm / 0.6).toBeGreaterThan(7);
  });
});
