import { describe, expect, test } from "vitest";
import { ansiToHtml, collapseRedraws, renderTerminalOutput } from "./terminal-output.ts";

describe("collapseRedraws", () => {
  test("a line redrawn with \\r keeps only its final state", () => {
    expect(collapseRedraws("epoch 1  10%\repoch 1  60%\repoch 1 100% done\nnext line")).toBe("epoch 1 100% done\nnext line");
    expect(collapseRedraws("final\r\n")).toBe("final\n");
  });

  test("a progress bar's milestone lines collapse to the last one, per bar", () => {
    const bar = (label: string, count: number, percent: number) => `${label}  ${count}/4 ${String(percent).padStart(3)}% [█   ]  2 it/s`;
    const printed = [bar("epoch 1/2", 1, 25), bar("epoch 1/2", 2, 50), bar("epoch 1/2", 4, 100), bar("epoch 2/2", 1, 25), bar("epoch 2/2", 4, 100), "done"];
    expect(collapseRedraws(printed.join("\n"))).toBe([bar("epoch 1/2", 4, 100), bar("epoch 2/2", 4, 100), "done"].join("\n"));
  });

  test("ordinary lines, even identical ones, are all kept", () => {
    expect(collapseRedraws("a\na\n\nb")).toBe("a\na\n\nb");
  });
});

describe("ANSI to HTML", () => {
  test("colour codes become classes the stylesheet colours, and the text is HTML-escaped", () => {
    const html = ansiToHtml("\x1b[36m──\x1b[0m train <0.5> & \x1b[1mbold\x1b[0m");
    expect(html).toContain('<span class="ansi-cyan-fg">──</span>');
    expect(html).toContain("train &lt;0.5&gt; &amp;");
    expect(html).toContain(">bold</span>");
    expect(html).not.toContain("\x1b");
  });

  test("renderTerminalOutput drops the blank lines around the output", () => {
    expect(renderTerminalOutput("\n\n── Step 1\nx = 1\n\n\n")).toBe("── Step 1\nx = 1");
  });
});
