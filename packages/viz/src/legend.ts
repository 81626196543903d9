import type { ChartSeries } from "./chart.ts";
import { seriesSample } from "./series-style.ts";
import { visibleLength } from "./terminal.ts";

/**
 * One entry per series, "── train 0.0311", all on one line if they fit, else one per
 * line, with a note that does not fit moved to a line of its own.
 */
export function legend(series: readonly ChartSeries[], layout: { indent: number; width: number; colors: boolean }): string[] {
  const indent = " ".repeat(layout.indent);
  const entries = series.map((s, j) =>
    [seriesSample(j, layout.colors), s.name, s.legendValue].filter((part) => part !== undefined && part !== "").join(" "),
  );
  const notes = series.map((s) => s.note);
  const oneLine = indent + entries.map((entry, j) => [entry, notes[j]].filter(Boolean).join(" ")).join("   ");
  if (visibleLength(oneLine) <= layout.width) return [oneLine];
  return entries.flatMap((entry, j) => {
    const note = notes[j];
    if (note === undefined) return [indent + entry];
    const together = `${indent}${entry} ${note}`;
    return visibleLength(together) <= layout.width ? [together] : [indent + entry, ...wrap(note, `${indent}   `, layout.width)];
  });
}

/** `text` broken at spaces into lines of at most `width` columns, each starting with `indent`. */
function wrap(text: string, indent: string, width: number): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(" ")) {
    if (line !== indent && visibleLength(`${line} ${word}`) > width) {
      lines.push(line);
      line = indent;
    }
    line = line === indent ? indent + word : `${line} ${word}`;
  }
  return [...lines, line];
}
