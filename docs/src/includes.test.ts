import { describe, expect, test } from "vitest";
import { describeInclude, extractRegion, languageOf, parseIncludeDirective } from "./includes.ts";

const dense = [
  "export class Dense {",
  "  // #region forward",
  "  /** y = x·W + b */",
  "  forward(x: Tensor): Tensor {",
  "    // #region matmul",
  "    const y = matmul(x, this.kernel);",
  "    // #endregion",
  "    return y;",
  "  }",
  "  // #endregion",
  "",
  "  // #region backward",
  "  backward(gradOut: Tensor): Tensor {",
  "    return matmulTransB(gradOut, this.kernel);",
  "  }",
  "  // #endregion",
  "}",
].join("\n");

describe("include directives", () => {
  test("an HTML comment line names a file and an optional region", () => {
    expect(parseIncludeDirective("<!-- include: packages/activations/src/sigmoid.ts#forward -->")).toEqual({
      path: "packages/activations/src/sigmoid.ts",
      region: "forward",
    });
    expect(parseIncludeDirective("  <!--include: lessons/00-tensors/lesson.ts-->  ")).toEqual({ path: "lessons/00-tensors/lesson.ts", region: undefined });
    expect(parseIncludeDirective("<!-- a comment -->")).toBeUndefined();
    expect(parseIncludeDirective("see <!-- include: a.ts#x --> inline")).toBeUndefined();
  });

  test("describeInclude writes it back as path#region", () => {
    expect(describeInclude({ path: "a/b.ts", region: "forward" })).toBe("a/b.ts#forward");
    expect(describeInclude({ path: "a/b.ts" })).toBe("a/b.ts");
  });
});

describe("extractRegion", () => {
  test("returns the lines between #region and its #endregion, dedented, without nested markers", () => {
    expect(extractRegion(dense, "dense.ts", "forward")).toBe(
      ["/** y = x·W + b */", "forward(x: Tensor): Tensor {", "  const y = matmul(x, this.kernel);", "  return y;", "}"].join("\n"),
    );
    expect(extractRegion(dense, "dense.ts", "matmul")).toBe("const y = matmul(x, this.kernel);");
    expect(extractRegion(dense, "dense.ts", "backward")).toBe("backward(gradOut: Tensor): Tensor {\n  return matmulTransB(gradOut, this.kernel);\n}");
  });

  test("without a region it returns the whole file minus the marker lines", () => {
    const whole = extractRegion(dense, "dense.ts");
    expect(whole).not.toMatch(/#(end)?region/);
    expect(whole.split("\n")).toHaveLength(dense.split("\n").length - 6);
  });

  test("a missing region is an error naming the file, the region and the regions it has", () => {
    expect(() => extractRegion(dense, "packages/backprop/src/dense.ts", "update")).toThrow(
      'packages/backprop/src/dense.ts has no region "update" (its regions are forward, matmul, backward)',
    );
    expect(() => extractRegion("const a = 1;", "a.ts", "forward")).toThrow('a.ts has no region "forward" (it has no "// #region" markers)');
  });

  test("a region without its #endregion, an empty region and a name used twice are errors", () => {
    expect(() => extractRegion("// #region open\nconst a = 1;", "a.ts", "open")).toThrow('a.ts: region "open" starts at line 1 but has no "// #endregion"');
    expect(() => extractRegion("// #region empty\n\n// #endregion", "a.ts", "empty")).toThrow('a.ts: region "empty" (line 1) is empty');
    expect(() => extractRegion("// #region x\na\n// #endregion\n// #region x\nb\n// #endregion", "a.ts", "x")).toThrow(
      'a.ts has 2 regions named "x" (lines 1, 4)',
    );
  });
});

test("languageOf picks the highlighter's language from the file name", () => {
  expect(languageOf("packages/tensor/src/gemm.ts")).toBe("ts");
  expect(languageOf("package.json")).toBe("json");
  expect(languageOf(".ci/run")).toBe("sh");
  expect(languageOf("packages/datasets/data/genesis-1-11.txt")).toBe("text");
});
