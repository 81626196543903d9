import { paint, palette } from "./terminal.ts";

/**
 * How series look: series j gets colour j and line style j, so that with colour off
 * (NO_COLOR, CI logs, the docs) the line styles still tell the series apart.
 */
export const seriesColors = [
  palette.cyan,
  palette.magenta,
  palette.yellow,
  palette.green,
  palette.blue,
  palette.red,
  palette.white,
  palette.brightMagenta,
];

// asciichart's line symbols: ─ ╰ ╭ ╮ ╯ │ (indices 4–9 of its symbol list); one style per series.
export const lineStyles = [
  { "─": "─", "╰": "╰", "╭": "╭", "╮": "╮", "╯": "╯", "│": "│" },
  { "─": "═", "╰": "╚", "╭": "╔", "╮": "╗", "╯": "╝", "│": "║" },
  { "─": "━", "╰": "┗", "╭": "┏", "╮": "┓", "╯": "┛", "│": "┃" },
  { "─": "┄", "╰": "╰", "╭": "╭", "╮": "╮", "╯": "╯", "│": "┆" },
  { "─": "┅", "╰": "┗", "╭": "┏", "╮": "┓", "╯": "┛", "│": "┇" },
  { "─": "╌", "╰": "╰", "╭": "╭", "╮": "╮", "╯": "╯", "│": "╎" },
  { "─": "╍", "╰": "┗", "╭": "┏", "╮": "┓", "╯": "┛", "│": "╏" },
  { "─": "·", "╰": "·", "╭": "·", "╮": "·", "╯": "·", "│": ":" },
] as const;

/** One drawn character of series j (one of asciichart's ─ ╰ ╭ ╮ ╯ │ ┤) in that series' style and colour. */
export function seriesGlyph(symbol: string, j: number, colors: boolean): string {
  const style: Record<string, string> = lineStyles[j % lineStyles.length];
  const glyph = symbol === "┤" ? "┼" : (style[symbol] ?? symbol); // ┼ marks where a series starts on the axis
  return paint(glyph, seriesColors[j % seriesColors.length], colors);
}

/** A short stretch of series j's line, for the legend: "──", "══", "━━" … */
export function seriesSample(j: number, colors: boolean): string {
  return paint(lineStyles[j % lineStyles.length]["─"].repeat(2), seriesColors[j % seriesColors.length], colors);
}
