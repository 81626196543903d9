import { describe, expect, test } from "vitest";
import { progressBar } from "./progress-bar.ts";
import type { ProgressBarOptions } from "./progress-bar.ts";

/** A stream that records what is written, and a clock the test moves by hand. */
function setUp(isTTY: boolean, options: Partial<ProgressBarOptions> = {}) {
  const clock = { ms: 0 };
  const written: string[] = [];
  const stream = { isTTY, columns: isTTY ? 200 : undefined, write: (text: string) => written.push(text) };
  const bar = progressBar({ total: 2000, label: "epoch 1/5", stream, now: () => clock.ms, ...options });
  return { bar, clock, output: () => written.join("") };
}

describe("progressBar off a terminal", () => {
  test("prints at 25%, 50%, 75% and done, however many ticks there are", () => {
    const { bar, clock, output } = setUp(false, { total: 100_000 });
    for (let i = 0; i < 100_000; i++) {
      clock.ms += 1;
      bar.tick(1, { loss: 0.5 });
    }
    bar.done();
    const lines = output().trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines.map((line) => line.match(/(\d+)%/)![1])).toEqual(["25", "50", "75", "100"]);
  });

  test("never writes a carriage return or an escape code", () => {
    const { bar, clock, output } = setUp(false, { colors: true });
    for (let i = 0; i < 2000; i++) {
      clock.ms += 2;
      bar.tick(1, { loss: 1 });
    }
    bar.done();
    expect(output()).not.toMatch(/[\r\x1b]/);
  });

  test("computes rate and ETA exactly from the clock", () => {
    const { bar, clock, output } = setUp(false);
    clock.ms = 1000;
    bar.tick(500, { loss: 0.25 }); // 500 items in 1 s: 500 it/s, 1500 left: 3 s
    expect(output()).toBe("epoch 1/5   500/2000  25% [█████               ]  500 it/s  ETA 3.0s  loss 0.2500\n");
  });

  test("shows the mean loss over the items so far, weighted by each tick's count", () => {
    const { bar, clock, output } = setUp(false, { total: 4 });
    clock.ms = 100;
    bar.tick(1, { loss: 4 });
    bar.tick(3, { loss: 0, accuracy: 0.5 });
    bar.done();
    // loss: (4·1 + 0·3) / 4 = 1; accuracy was reported only for the last 3 items.
    expect(output()).toContain("loss 1.0000  accuracy 0.5000\n");
  });

  test("done shows the elapsed time and the final info as given", () => {
    const { bar, clock, output } = setUp(false, { total: 10 });
    clock.ms = 2500;
    bar.tick(10, { loss: 0.3 });
    bar.done({ loss: 0.2, valLoss: 0.25 });
    const last = output().trimEnd().split("\n").at(-1);
    expect(last).toBe("epoch 1/5  10/10 100% [████████████████████]  4.00 it/s  in 2.5s  loss 0.2000  valLoss 0.2500");
  });
});

describe("progressBar on a terminal", () => {
  test("redraws one line in place with a carriage return and ends it at done", () => {
    const { bar, clock, output } = setUp(true, { colors: false, total: 10 });
    for (let i = 0; i < 10; i++) {
      clock.ms += 200;
      bar.tick(1, { loss: 1 });
    }
    bar.done();
    const text = output();
    expect(text.split("\r").length - 1).toBe(11); // ten redraws and the final one
    expect(text.endsWith("\n")).toBe(true);
    expect(text.split("\n")).toHaveLength(2);
  });

  test("redraws at most every 100 ms, however often it ticks", () => {
    const { bar, clock, output } = setUp(true, { colors: false });
    for (let i = 0; i < 2000; i++) {
      clock.ms += 1; // 2 s of ticks in all
      bar.tick();
    }
    const redraws = output().split("\r").length - 1;
    expect(redraws).toBeLessThanOrEqual(21);
    expect(redraws).toBeGreaterThanOrEqual(19);
  });

  test("drops metrics rather than wrap past the terminal's width", () => {
    const clock = { ms: 0 };
    const written: string[] = [];
    const stream = { isTTY: true, columns: 60, write: (text: string) => written.push(text) };
    const bar = progressBar({ total: 10, stream, now: () => clock.ms, colors: false });
    clock.ms = 1000;
    bar.tick(5, { loss: 0.5, accuracy: 0.9, precision: 0.8 });
    const line = written.join("").replace("\r", "");
    expect(line.length).toBeLessThan(60);
    expect(line).toMatch(/^ 5\/10  50%/);
  });

  test("colours the bar when colour is on", () => {
    const { bar, clock, output } = setUp(true, { colors: true });
    clock.ms = 10;
    bar.tick();
    expect(output()).toContain("\x1b[36m");
  });
});

describe("progressBar errors", () => {
  const stream = { write: () => true };

  test("rejects a total that is not a positive integer", () => {
    expect(() => progressBar({ total: 0, stream })).toThrow(/progressBar: total must be a positive integer; received 0/);
  });

  test("rejects a negative tick count and names the bar", () => {
    const bar = progressBar({ total: 5, label: "epoch 2", stream });
    expect(() => bar.tick(-1)).toThrow(/progressBar "epoch 2": tick count must be a non-negative integer; received -1/);
  });

  test("rejects ticks after done", () => {
    const bar = progressBar({ total: 5, stream });
    bar.done();
    expect(() => bar.tick()).toThrow(/progressBar: tick\(\) after done\(\)/);
    expect(() => bar.done()).toThrow(/progressBar: done\(\) was already called/);
  });
});
