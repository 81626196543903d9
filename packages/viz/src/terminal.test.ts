import { afterEach, describe, expect, test, vi } from "vitest";
import { padVisible, paint, stripAnsi, terminalWidth, useColor, visibleLength } from "./terminal.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("useColor", () => {
  test("colours a terminal when NO_COLOR is unset or empty", () => {
    vi.stubEnv("NO_COLOR", "");
    expect(useColor(undefined, { isTTY: true })).toBe(true);
  });

  test("any non-empty NO_COLOR turns colour off, even on a terminal", () => {
    vi.stubEnv("NO_COLOR", "1");
    expect(useColor(undefined, { isTTY: true })).toBe(false);
    vi.stubEnv("NO_COLOR", "yes");
    expect(useColor(undefined, { isTTY: true })).toBe(false);
  });

  test("output that is not a terminal (pipe, file, CI) gets no colour", () => {
    vi.stubEnv("NO_COLOR", "");
    vi.stubEnv("FORCE_COLOR", "");
    expect(useColor(undefined, { isTTY: false })).toBe(false);
    expect(useColor(undefined, {})).toBe(false);
  });

  test("a FORCE_COLOR other than \"\" or \"0\" colours output that is not a terminal", () => {
    vi.stubEnv("NO_COLOR", "");
    vi.stubEnv("FORCE_COLOR", "1");
    expect(useColor(undefined, { isTTY: false })).toBe(true);
    vi.stubEnv("FORCE_COLOR", "true");
    expect(useColor(undefined, {})).toBe(true);
  });

  test("FORCE_COLOR of \"0\" or \"\" changes nothing, and NO_COLOR beats FORCE_COLOR", () => {
    vi.stubEnv("NO_COLOR", "");
    vi.stubEnv("FORCE_COLOR", "0");
    expect(useColor(undefined, { isTTY: false })).toBe(false);
    expect(useColor(undefined, { isTTY: true })).toBe(true);
    vi.stubEnv("FORCE_COLOR", "");
    expect(useColor(undefined, { isTTY: false })).toBe(false);
    vi.stubEnv("NO_COLOR", "1");
    vi.stubEnv("FORCE_COLOR", "1");
    expect(useColor(undefined, { isTTY: true })).toBe(false);
  });

  test("an explicit choice wins over NO_COLOR and the stream", () => {
    vi.stubEnv("NO_COLOR", "1");
    expect(useColor(true, { isTTY: false })).toBe(true);
    vi.stubEnv("NO_COLOR", "");
    expect(useColor(false, { isTTY: true })).toBe(false);
  });
});

describe("terminalWidth", () => {
  test("is the terminal's column count on a terminal and the fallback elsewhere", () => {
    expect(terminalWidth({ isTTY: true, columns: 132 })).toBe(132);
    expect(terminalWidth({ isTTY: false, columns: 132 })).toBe(80);
    expect(terminalWidth({}, 100)).toBe(100);
  });
});

describe("measuring coloured text", () => {
  test("stripAnsi removes colour codes and visibleLength ignores them", () => {
    const red = paint("loss", "\x1b[31m", true);
    expect(red).toBe("\x1b[31mloss\x1b[0m");
    expect(stripAnsi(red)).toBe("loss");
    expect(visibleLength(red)).toBe(4);
    expect(visibleLength("┼──╮")).toBe(4);
  });

  test("paint leaves text untouched when colour is off", () => {
    expect(paint("loss", "\x1b[31m", false)).toBe("loss");
  });

  test("padVisible pads to the visible width on either side", () => {
    expect(padVisible(paint("7", "\x1b[32m", true), 3, "right")).toBe("  \x1b[32m7\x1b[0m");
    expect(padVisible("ab", 4)).toBe("ab  ");
    expect(padVisible("abcdef", 4)).toBe("abcdef");
  });
});
