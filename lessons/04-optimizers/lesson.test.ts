/**
 * Checks the claims of lesson 04, two ways:
 *   1. run lesson.ts as a learner does and read what it prints;
 *   2. recompute the claims with @gradschool/optimizers directly, with a loop written
 *      here rather than the lesson's race.ts, and check the README's exercise hints.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { capture, linesNotPrinted, parseNumber, quotedLines, runLessonScript, section } from "@gradschool/course";
import {
  Adagrad,
  Adam,
  AdamW,
  type Optimizer,
  RMSprop,
  SGD,
  type Surface,
  clipGradNorm,
  cosineAnnealing,
  linearWarmup,
  quadratic,
  rosenbrock,
} from "@gradschool/optimizers";
import { tensor, zeros } from "@gradschool/tensor";
import { beforeAll, describe, expect, test } from "vitest";

const lessonDir = fileURLToPath(new URL(".", import.meta.url));

const labels = ["SGD", "momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam", "AdamW"];
const letters = ["S", "M", "N", "G", "R", "A", "W"];
const learningRates = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2];
const makers: Array<(lr: number) => Optimizer> = [
  (lr) => new SGD({ lr }),
  (lr) => new SGD({ lr, momentum: 0.9 }),
  (lr) => new SGD({ lr, momentum: 0.9, nesterov: true }),
  (lr) => new Adagrad({ lr }),
  (lr) => new RMSprop({ lr }),
  (lr) => new Adam({ lr }),
  (lr) => new AdamW({ lr, weightDecay: 0.01 }),
];

/** A sweep table as printed: one row of cells per optimizer label. */
function parseSweep(text: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const cells = line.trim().split(/\s+/);
    if (labels.includes(cells[0]) && cells.length === learningRates.length + 1) rows.set(cells[0], cells.slice(1));
  }
  expect([...rows.keys()]).toEqual(labels);
  return rows;
}

/** The race table: per optimizer, lr / steps / final f for Rosenbrock, then for the quadratic. */
function parseRace(output: string): Map<string, { rosenbrock: [number, string, number]; quadratic: [number, string, number] }> {
  const rows = new Map();
  const pattern = /^(\S+) +(\S+) +(\d+|not in 5000) +(\S+) +(\S+) +(\d+|not in 1000) +(\S+)$/gm;
  for (const [, label, lr1, steps1, final1, lr2, steps2, final2] of section(output, "optimizer  lr", "Fastest").matchAll(pattern)) {
    rows.set(label, { rosenbrock: [Number(lr1), steps1, Number(final1)], quadratic: [Number(lr2), steps2, Number(final2)] });
  }
  expect([...rows.keys()]).toEqual(labels);
  return rows;
}

// ── An independent re-implementation of the race, straight on the package ─────────────

interface Result {
  losses: number[];
  point: number[];
  blewUp: boolean;
}

/** Steps `optimizer` on `surface` from `start`; stops at a non-finite gradient, as the lesson does. */
function run(surface: Surface, optimizer: Optimizer, start: number[], steps: number, schedule?: (step: number) => number): Result {
  const p = { name: "xy", value: tensor(start), grad: zeros([2]) };
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    losses.push(surface.value(p.value));
    const gradient = surface.gradient(p.value);
    if (!gradient.data.every(Number.isFinite)) return { losses, point: [...p.value.data], blewUp: true };
    if (schedule) optimizer.lr = schedule(step);
    p.grad.data.set(gradient.data);
    optimizer.step([p]);
  }
  return { losses, point: [...p.value.data], blewUp: !Number.isFinite(losses.at(-1)!) };
}

/** First step from which every loss is below 1e-6, or undefined. */
function solvedAt(result: Result): number | undefined {
  if (result.blewUp) return undefined;
  const lastAbove = result.losses.findLastIndex((loss) => !(loss < 1e-6));
  return lastAbove === result.losses.length - 1 ? undefined : lastAbove + 1;
}

const problems = {
  rosenbrock: { surface: rosenbrock, start: [-1.5, 2], steps: 5000 },
  quadratic: { surface: quadratic([1, 50]), start: [-4, 1], steps: 1000 },
};

/** The whole sweep, recomputed: results[optimizer][lr index]. */
function recomputeSweep(problem: (typeof problems)["rosenbrock"]): Result[][] {
  return makers.map((make) => learningRates.map((lr) => run(problem.surface, make(lr), problem.start, problem.steps)));
}

const cellOf = (result: Result): string => {
  const steps = solvedAt(result);
  return steps !== undefined ? String(steps) : result.blewUp ? "∞" : "—";
};

let output = "";
let secondOutput = "";

beforeAll(async () => {
  output = await runLessonScript(lessonDir);
  secondOutput = await runLessonScript(lessonDir);
}, 600_000);

describe("lesson 04 as a learner runs it", () => {
  test("every line the README quotes in a text block is in the output", () => {
    const quoted = quotedLines(readFileSync(new URL("README.md", import.meta.url), "utf8"));
    expect(quoted.length).toBeGreaterThan(40);
    // The README quotes the left two panels of wider maps, so a quoted line may be part of a printed one.
    expect(linesNotPrinted(quoted, output, { partial: true }), "README lines the lesson does not print").toEqual([]);
  });

  test("a second run prints exactly the same text, so the docs can embed it", () => {
    expect(secondOutput).toBe(output);
  });

  test("with NO_COLOR=1 it prints no ANSI escape codes", () => {
    expect(output.includes("\u001b")).toBe(false);
  });

  test("it ends with the loss chart of three learning rates, after all seven steps", () => {
    for (let step = 1; step <= 7; step++) expect(output).toContain(`── Step ${step} ·`);
    const lastChart = output.lastIndexOf("SGD on ½(x² + 50y²) at three learning rates");
    expect(lastChart).toBeGreaterThan(output.indexOf("── Step 7"));
    expect(output.slice(lastChart)).toContain("┤");
    expect(output.trimEnd().endsWith("index 872)")).toBe(true);
  });

  test("step 1: SGD's step is −lr × gradient, Adam's first step is lr for both coordinates", () => {
    expect(output).toContain("gradient (x, 50y) = (-4, 50)");
    expect(output).toContain("SGD  lr 0.01: x moves by 0.0400, y by -0.5000"); // −0.01·(−4), −0.01·50
    expect(output).toContain("Adam lr 0.1:  x moves by 0.1000, y by -0.1000");
  });

  test("step 2: the starting values and the curvatures of the two surfaces", () => {
    expect(output).toContain("from (-1.5, 2) where f = 12.5");
    expect(output).toContain("from (-4, 1) where f = 33");
    const pattern = /curvature at the minimum: ([\d.]+) across the valley, ([\d.]+) along it, a ratio of (\d+)/;
    const [across, along, ratio] = capture(output, pattern).map(Number);
    expect(across).toBe(1001.6);
    expect(along).toBe(0.3994);
    expect(ratio).toBe(2508);
    expect(output).toContain("SGD is stable there only for lr < 2 / 1001.6 = 0.001997");
  });

  test("step 3: every ∞ begins at the first swept lr above its printed stability limit (SGD on Rosenbrock excepted)", () => {
    const limits = (name: string) => capture(output, new RegExp(`${name}, c = [\\d.]+.*?: +([\\d.]+), ([\\d.]+), ([\\d.]+)`)).map(Number);
    const tables = {
      Rosenbrock: parseSweep(section(output, "Rosenbrock: steps until solved", "Quadratic: steps until solved")),
      quadratic: parseSweep(section(output, "Quadratic: steps until solved", "Stable only")),
    };
    for (const [name, table] of Object.entries(tables)) {
      ["SGD", "momentum", "Nesterov"].forEach((label, i) => {
        if (name === "Rosenbrock" && label === "SGD") return;
        const firstInfinite = table.get(label)!.indexOf("∞");
        const limit = limits(name)[i];
        expect(learningRates[firstInfinite], `${label} on ${name}`).toBeGreaterThan(limit);
        expect(learningRates[firstInfinite - 1], `${label} on ${name}`).toBeLessThan(limit);
        expect(table.get(label)!.slice(firstInfinite).every((cell) => cell === "∞")).toBe(true);
      });
    }
    // The exception: 0.002 is just above SGD's limit 0.001997 and still solves in 5000 steps.
    expect(tables.Rosenbrock.get("SGD")!.slice(0, 3)).toEqual(["—", "4380", "∞"]);
    // Adam never blows up on Rosenbrock, and solves over a fourfold range, 0.005 to 0.02.
    const adam = tables.Rosenbrock.get("Adam")!;
    expect(adam.includes("∞")).toBe(false);
    expect(adam.slice(2, 5).every((cell) => /^\d+$/.test(cell))).toBe(true);
  });

  test("step 3: the printed stability limits are 2/c, 2(1 + μ)/c and 2(1 + μ)/((1 + 2μ)c)", () => {
    expect(output).toContain("Rosenbrock, c = 1001.6 at the minimum:  0.001997, 0.003794, 0.001355");
    expect(output).toContain("quadratic, c = 50:                      0.040000, 0.076000, 0.027143");
    expect((2 * 1.9) / (2.8 * 50)).toBeCloseTo(0.027143, 6);
  });

  test("step 4: each optimizer races with the fastest lr of its sweep row", () => {
    const race = parseRace(output);
    const tables = {
      rosenbrock: parseSweep(section(output, "Rosenbrock: steps until solved", "Quadratic: steps until solved")),
      quadratic: parseSweep(section(output, "Quadratic: steps until solved", "Stable only")),
    };
    for (const problem of ["rosenbrock", "quadratic"] as const) {
      for (const label of labels) {
        const cells = tables[problem].get(label)!;
        const solved = cells.map((cell, i) => ({ steps: Number(cell), lr: learningRates[i] })).filter((c) => Number.isInteger(c.steps));
        const [lr, steps] = race.get(label)![problem];
        if (solved.length === 0) {
          expect(steps).toMatch(/^not in/);
          continue;
        }
        const fastest = solved.reduce((a, b) => (b.steps < a.steps ? b : a));
        expect([lr, Number(steps)], `${label} on ${problem}`).toEqual([fastest.lr, fastest.steps]);
      }
    }
  });

  test("step 4: momentum wins Rosenbrock in 555 steps, AdaGrad the quadratic in 14; three never solve Rosenbrock", () => {
    const race = parseRace(output);
    expect(race.get("momentum")!.rosenbrock.slice(0, 2)).toEqual([0.002, "555"]);
    expect(race.get("AdaGrad")!.quadratic.slice(0, 2)).toEqual([2, "14"]);
    const rosenbrockSteps = labels.map((label) => Number(race.get(label)!.rosenbrock[1])).filter(Number.isFinite);
    expect(Math.min(...rosenbrockSteps)).toBe(555);
    expect(output).toContain("Fastest on Rosenbrock: momentum (555 steps). Not solved: AdaGrad, RMSprop, AdamW.");
    expect(output).toContain("Fastest on the quadratic: AdaGrad (14 steps). Not solved: none.");
    for (const label of ["AdaGrad", "RMSprop", "AdamW"]) expect(race.get(label)!.rosenbrock[2]).toBeGreaterThan(1e-6);
  });

  test("step 4: AdamW ends short of (1, 1), pulled towards 0 in both coordinates", () => {
    const [x, y] = capture(output, /AdamW ends Rosenbrock at \((-?[\d.]+), (-?[\d.]+)\)/).map(Number);
    expect(x).toBeLessThan(1);
    expect(y).toBeLessThan(1);
    expect(Math.hypot(1 - x, 1 - y)).toBeGreaterThan(0.005);
  });

  test("step 4: one race chart per surface on a log scale, all seven optimizers in each, each in its own style", () => {
    const titles = [...output.matchAll(/^(Rosenbrock|Quadratic): all seven optimizers$/gm)];
    expect(titles.map((match) => match[1])).toEqual(["Rosenbrock", "Quadratic"]);
    expect(output.match(/^f \(log scale\)$/gm)).toHaveLength(3);
    for (const [from, to] of [["Rosenbrock: all seven", "Quadratic: all seven"], ["Quadratic: all seven", "── Step 5"]] as const) {
      const chart = section(output, from, to);
      const samples = labels.map((label) => new RegExp(`(\\S)\\1 ${label} `).exec(chart)?.[1]);
      expect(samples.every((sample) => sample !== undefined)).toBe(true);
      expect(new Set(samples).size).toBe(7);
    }
  });

  test("step 5: one map per optimizer per surface, titled with its letter and race lr, holding its letter, the start and the minimum", () => {
    const race = parseRace(output);
    for (const [problem, from, to] of [
      ["rosenbrock", "Rosenbrock, 5000 steps", "Quadratic, 1000 steps"],
      ["quadratic", "Quadratic, 1000 steps", "── Step 6"],
    ] as const) {
      const maps = section(output, from, to);
      labels.forEach((label, i) => {
        const lr = race.get(label)![problem][0];
        const title = `┌${letters[i]} ${label} ${lr} `;
        expect(maps, `${label} on ${problem}`).toContain(title);
      });
      const lines = maps.split("\n").filter((line) => line.startsWith("│"));
      // Each map row holds the letters of one column of panels: every letter must appear.
      for (const letter of letters) expect(lines.some((line) => line.includes(letter)), letter).toBe(true);
      const drawn = lines.join("\n");
      expect(drawn.match(/o/g)!.length).toBeGreaterThanOrEqual(6); // a path can cross its own start
      expect(drawn.match(/\*/g)!.length).toBe(7); // marks go on top of the paths
    }
  });

  test("step 6: the schedules' printed values follow their formulas", () => {
    const cosine = cosineAnnealing(0.1, 5000);
    for (const step of [0, 1000, 2500, 4000, 4999]) {
      const printed = Number(capture(output, new RegExp(`cosine = cosineAnnealing[^\\n]*\\n[^\\n]*\\b${step}: ([\\d.e-]+)`))[0]);
      const byHand = 0.5 * 0.1 * (1 + Math.cos((Math.PI * step) / 5000));
      expect(printed / byHand, `step ${step}`).toBeCloseTo(1, 2);
    }
    expect(output).toContain("0: 0.000990, 49: 0.0495, 99: 0.0990, 100: 0.100, 2550: 0.0500"); // 0.1·1/101, 0.1·50/101, …
  });

  test("step 6: a cosine schedule lets Adam solve Rosenbrock at lr 0.1, where a constant 0.1 never does", () => {
    const constantFinal = parseNumber(capture(output, /constant 0\.1 +not solved in 5000, final f ([\d.e+-]+)/)[0]);
    expect(constantFinal).toBeGreaterThan(1e-6); // never under the "solved" line at the end
    const cosineSteps = Number(capture(output, /cosine +solved at step (\d+), final f [\d.e+-]+/)[0]);
    const warmupSteps = Number(capture(output, /warmup \+ cosine solved at step (\d+), final f [\d.e+-]+/)[0]);
    expect(warmupSteps).toBeGreaterThan(cosineSteps); // warmup costs steps here, as the README says
    expect(cosineSteps * 2).toBeLessThan(Number(parseRace(output).get("Adam")!.rosenbrock[1])); // "more than twice as fast" as the best constant rate
  });

  test("step 7: too small never solves, 2/51 solves at step 217, 0.05 overflows at step 872", () => {
    expect(output).toContain("lr too small 0.004  x ×0.9960, y ×0.8000 per step → not solved, final f 2.7e-3");
    expect(output).toContain("lr right 2/51       x ×0.9608, y ×-0.9608 per step → solved at step 217, final f 6.4e-34");
    expect(output).toContain("lr too large 0.05   x ×0.9500, y ×-1.5000 per step → f overflows to Infinity at step 872");
  });

  test("step 7: the optimizer refuses the overflowed gradient at step 1741, and the chart notes the skipped values", () => {
    expect(output).toContain('step 1741: SGD.step: parameter "xy" has a non-finite gradient -Infinity at index [1]');
    expect(output).toMatch(/\(128 non-positive or non-finite values skipped, first Infinity at\s+index 872\)/);
  });
});

describe("lesson 04's claims, recomputed", () => {
  const sweeps = { rosenbrock: recomputeSweep(problems.rosenbrock), quadratic: recomputeSweep(problems.quadratic) };

  test("the Hessian of Rosenbrock at (1, 1), by central differences of the gradient, has eigenvalues 1001.6 and 0.3994", () => {
    const h = 1e-5;
    const column = (i: number) => {
      const plus = [1, 1];
      const minus = [1, 1];
      plus[i] += h;
      minus[i] -= h;
      const up = rosenbrock.gradient(tensor(plus)).data;
      const down = rosenbrock.gradient(tensor(minus)).data;
      return [(up[0] - down[0]) / (2 * h), (up[1] - down[1]) / (2 * h)];
    };
    const [[a, b], [, d]] = [column(0), column(1)];
    const mean = (a + d) / 2;
    const spread = Math.sqrt(((a - d) / 2) ** 2 + b * b);
    expect(mean + spread).toBeCloseTo(1001.6, 1);
    expect(mean - spread).toBeCloseTo(0.3994, 4);
  });

  test("both sweep tables, recomputed with an independent loop, match the printed ones cell for cell", () => {
    const printed = {
      rosenbrock: parseSweep(section(output, "Rosenbrock: steps until solved", "Quadratic: steps until solved")),
      quadratic: parseSweep(section(output, "Quadratic: steps until solved", "Stable only")),
    };
    for (const problem of ["rosenbrock", "quadratic"] as const) {
      labels.forEach((label, i) => expect(sweeps[problem][i].map(cellOf), `${label} on ${problem}`).toEqual(printed[problem].get(label)));
    }
  });

  test("an optimizer that never solves races with the lr of its lowest final f", () => {
    const race = parseRace(output);
    for (const problem of ["rosenbrock", "quadratic"] as const) {
      labels.forEach((label, i) => {
        const results = sweeps[problem][i];
        if (results.some((result) => solvedAt(result) !== undefined)) return;
        const finals = results.map((result, j) => ({ lr: learningRates[j], final: result.losses.at(-1)! }));
        const finite = finals.filter((r) => Number.isFinite(r.final));
        const lowest = finite.reduce((a, b) => (b.final < a.final ? b : a));
        expect(race.get(label)![problem][0], `${label} on ${problem}`).toBe(lowest.lr);
        expect(race.get(label)![problem][2]).toBe(Number(lowest.final.toExponential(1)));
      });
    }
  });

  test("every final f in the race table is the recomputed final f at that optimizer's lr", () => {
    const race = parseRace(output);
    for (const problem of ["rosenbrock", "quadratic"] as const) {
      labels.forEach((label, i) => {
        const [lr, , finalF] = race.get(label)![problem];
        const result = sweeps[problem][i][learningRates.indexOf(lr)];
        expect(finalF, `${label} on ${problem}`).toBe(Number(result.losses.at(-1)!.toExponential(1)));
      });
    }
  });

  test("AdamW's Rosenbrock run at 0.02 ends at (0.9937, 0.9874)", () => {
    const { point } = sweeps.rosenbrock[6][learningRates.indexOf(0.02)];
    expect(point[0]).toBeCloseTo(0.9937, 4);
    expect(point[1]).toBeCloseTo(0.9874, 4);
  });

  test("the stability limits hold on ½(x² + 50y²): each method converges 2% below its limit and blows up 2% above", () => {
    const bowl = quadratic([1, 50]);
    const limits: Array<[(lr: number) => Optimizer, number]> = [
      [(lr) => new SGD({ lr }), 2 / 50],
      [(lr) => new SGD({ lr, momentum: 0.9 }), 3.8 / 50],
      [(lr) => new SGD({ lr, momentum: 0.9, nesterov: true }), 3.8 / (2.8 * 50)],
    ];
    for (const [make, limit] of limits) {
      expect(run(bowl, make(0.98 * limit), [-4, 1], 3000).losses.at(-1)!).toBeLessThan(1e-6);
      expect(run(bowl, make(1.02 * limit), [-4, 1], 3000).losses.at(-1)!).toBeGreaterThan(1e6);
    }
  });

  test("Adam with cosine annealing solves Rosenbrock at step 1012; warmup + cosine at 1257; constant 0.1 never", () => {
    const { surface, start, steps } = problems.rosenbrock;
    expect(solvedAt(run(surface, new Adam({ lr: 0.1 }), start, steps, cosineAnnealing(0.1, 5000)))).toBe(1012);
    expect(solvedAt(run(surface, new Adam({ lr: 0.1 }), start, steps, linearWarmup(100, cosineAnnealing(0.1, 4900))))).toBe(1257);
    expect(solvedAt(run(surface, new Adam({ lr: 0.1 }), start, steps))).toBeUndefined();
  });

  test("SGD at 2/51 solves the quadratic at step 217, as 33·(49/51)^(2t) < 1e-6 predicts within a step or two", () => {
    expect(solvedAt(run(quadratic([1, 50]), new SGD({ lr: 2 / 51 }), [-4, 1], 1000))).toBe(217);
    // f(t) = ½(16·r^(2t) + 50·r^(2t)) = 33·r^(2t) with r = 49/51 for both axes.
    const predicted = Math.ceil(Math.log(1e-6 / 33) / (2 * Math.log(49 / 51)));
    expect(Math.abs(predicted - 217)).toBeLessThanOrEqual(2);
  });

  test("at lr 0.05, y grows ×1.5 a step: f overflows at step 872 and the gradient 50y at step 1741", () => {
    const result = run(quadratic([1, 50]), new SGD({ lr: 0.05 }), [-4, 1], 5000);
    expect(result.losses.findIndex((loss) => !Number.isFinite(loss))).toBe(872);
    expect(result.losses.length).toBe(1742); // the gradient at step 1741 is the first non-finite one
    // By hand: 25·1.5^(2t) passes 1.8e308 when t > log(1.8e308/25)/(2·log 1.5) ≈ 871.
    expect(Math.log(Number.MAX_VALUE / 25) / (2 * Math.log(1.5))).toBeCloseTo(871.3, 0);
  });

  test("exercise 1: SGD at 0.002 on Rosenbrock solves, then is thrown out after step 11,000 and settles near 1e-3", () => {
    const { losses } = run(rosenbrock, new SGD({ lr: 0.002 }), [-1.5, 2], 20_000);
    expect(losses[11_000]).toBeLessThan(1e-10);
    expect(losses[15_000]).toBeGreaterThan(1e-4);
    expect(losses.at(-1)!).toBeGreaterThan(5e-4);
    expect(losses.at(-1)!).toBeLessThan(5e-3);
  });

  test("exercise 2: with clipGradNorm(…, 1), lr 0.05 no longer blows up but rattles at f ≈ 0.014 to 0.018", () => {
    const bowl = quadratic([1, 50]);
    const p = { name: "xy", value: tensor([-4, 1]), grad: zeros([2]) };
    const sgd = new SGD({ lr: 0.05 });
    const losses: number[] = [];
    for (let step = 0; step < 1000; step++) {
      losses.push(bowl.value(p.value));
      p.grad.data.set(bowl.gradient(p.value).data);
      clipGradNorm([p], 1);
      sgd.step([p]);
    }
    const tail = losses.slice(-100);
    expect(Math.min(...tail)).toBeGreaterThan(0.013);
    expect(Math.max(...tail)).toBeLessThan(0.018);
  });

  test("exercise 3: on the bowl turned by 45°, AdaGrad's best is 466 steps (lr 2) and plain SGD's 362 beats it", () => {
    const r = Math.SQRT1_2;
    const turned: Surface = {
      name: "turned bowl",
      minimum: [0, 0],
      value: (point) => {
        const [x, y] = point.data;
        return 0.5 * ((r * (x + y)) ** 2 + 50 * (r * (x - y)) ** 2);
      },
      gradient: (point) => {
        const [x, y] = point.data;
        const [u, v] = [r * (x + y), r * (x - y)];
        return tensor([r * (u + 50 * v), r * (u - 50 * v)]);
      },
    };
    const best = (make: (lr: number) => Optimizer) => {
      const steps = learningRates.map((lr) => solvedAt(run(turned, make(lr), [-4, 1], 1000)) ?? Infinity);
      const i = steps.indexOf(Math.min(...steps));
      return [steps[i], learningRates[i]];
    };
    expect(best((lr) => new Adagrad({ lr }))).toEqual([466, 2]);
    expect(best((lr) => new SGD({ lr }))[0]).toBe(362);
  });

  test("exercise 4: without bias correction Adam's first step would be lr·0.1/√0.001 ≈ 3.16·lr", () => {
    // m = (1 − β₁)·g, v = (1 − β₂)·g², so m/√v = 0.1·g/(√0.001·|g|) for any g.
    for (const g of [-5, 0.01, 300]) {
      const m = 0.1 * g;
      const v = 0.001 * g * g;
      expect(Math.abs(m / Math.sqrt(v))).toBeCloseTo(3.1623, 4);
    }
  });
});
