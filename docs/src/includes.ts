/**
 * Code includes: a lesson's README pulls a named region of a real source file into its page,
 * so the code on the site is always the code in the repository.
 *
 * In the README, on a line of its own (an HTML comment, so GitHub's view stays clean):
 *
 *   <!-- include: packages/activations/src/sigmoid.ts#sigmoid -->
 *
 * In the source file, the region is marked with comment lines:
 *
 *   // #region sigmoid
 *   export const sigmoid: Activation = { … };
 *   // #endregion
 *
 * The path is relative to the repository root. Without `#region` the whole file is shown.
 * A missing file or region fails the build, naming both.
 */

/** An include directive: which file, and which region of it (undefined: the whole file). */
export interface Include {
  path: string;
  region?: string;
}

const directivePattern = /^<!--\s*include:\s*([^\s#]+)(?:#([\w.-]+))?\s*-->$/;
const regionStart = /^\s*\/\/\s*#region\s+([\w.-]+)\s*$/;
const regionEnd = /^\s*\/\/\s*#endregion\b/;

/** The include a README line asks for, or undefined if the line is not an include directive. */
export function parseIncludeDirective(line: string): Include | undefined {
  const match = directivePattern.exec(line.trim());
  return match === null ? undefined : { path: match[1], region: match[2] };
}

/** "packages/x.ts#forward", as a reader would write it. */
export function describeInclude(include: Include): string {
  return include.region === undefined ? include.path : `${include.path}#${include.region}`;
}

/**
 * The lines of `region` in `source` (the text of `path`): everything between
 * `// #region <name>` and its `// #endregion`, without the marker lines of any region
 * nested inside, with the common indentation removed. `region` undefined: the whole file,
 * minus every marker line.
 */
export function extractRegion(source: string, path: string, region?: string): string {
  const lines = source.replace(/\r\n/g, "\n").split("\n");
  const isMarker = (line: string) => regionStart.test(line) || regionEnd.test(line);
  if (region === undefined) return dedent(lines.filter((line) => !isMarker(line))).join("\n");

  const starts = lines.flatMap((line, index) => (regionStart.exec(line)?.[1] === region ? [index] : []));
  if (starts.length === 0) {
    const names = lines.flatMap((line) => regionStart.exec(line)?.[1] ?? []);
    const known = names.length === 0 ? 'it has no "// #region" markers' : `its regions are ${names.join(", ")}`;
    throw new Error(`${path} has no region "${region}" (${known}); mark one with "// #region ${region}" … "// #endregion"`);
  }
  if (starts.length > 1) {
    throw new Error(`${path} has ${starts.length} regions named "${region}" (lines ${starts.map((i) => i + 1).join(", ")}); names must be unique`);
  }
  // Walk to the matching #endregion, counting regions opened inside this one.
  const body: string[] = [];
  let depth = 0;
  for (let index = starts[0] + 1; index < lines.length; index++) {
    const line = lines[index];
    if (regionStart.test(line)) depth++;
    else if (regionEnd.test(line)) {
      if (depth === 0) {
        const trimmed = trimBlankEnds(dedent(body));
        if (trimmed.length === 0) throw new Error(`${path}: region "${region}" (line ${starts[0] + 1}) is empty`);
        return trimmed.join("\n");
      }
      depth--;
    }
    if (!isMarker(line)) body.push(line);
  }
  throw new Error(`${path}: region "${region}" starts at line ${starts[0] + 1} but has no "// #endregion"`);
}

/** The lines with the indentation they all share removed (blank lines do not count). */
function dedent(lines: string[]): string[] {
  const indents = lines.filter((line) => line.trim() !== "").map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => line.slice(Math.min(common, line.length - line.trimStart().length)));
}

function trimBlankEnds(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === "") start++;
  while (end > start && lines[end - 1].trim() === "") end--;
  return lines.slice(start, end);
}

/** The highlighter's name for a file's language: ts, json, sh, or text. */
export function languageOf(path: string): string {
  if (/\.(c|m)?tsx?$/.test(path) || /\.(c|m)?jsx?$/.test(path)) return "ts";
  if (path.endsWith(".json")) return "json";
  if (/\.(sh|bash)$/.test(path) || /(^|\/)\.ci\/run$/.test(path)) return "sh";
  return "text";
}
