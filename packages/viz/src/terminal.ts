/**
 * What the terminal can show: whether to colour, how wide to draw, and how to measure a
 * string that may hold colour codes.
 *
 * Colour follows the NO_COLOR convention (https://no-color.org): any non-empty NO_COLOR
 * turns it off, and so does output that is not a terminal (a pipe, a file, CI logs) —
 * escape codes there are noise, not colour. FORCE_COLOR (https://force-color.org), set to
 * anything but "" or "0", asks for colour off a terminal too: the docs build sets it when
 * it captures a lesson, and turns the codes into HTML colours. NO_COLOR still wins.
 */

/** The part of a writable stream the viz functions look at. */
export interface TerminalLike {
  isTTY?: boolean;
  columns?: number;
}

/**
 * Should output be coloured? `force` (an explicit `colors` option) wins; otherwise colour
 * is off when NO_COLOR is non-empty, on when FORCE_COLOR is non-empty and not "0", and
 * otherwise on only when `stream` is a TTY.
 */
export function useColor(force?: boolean, stream: TerminalLike = process.stdout): boolean {
  if (force !== undefined) return force;
  const noColor = process.env.NO_COLOR;
  if (noColor !== undefined && noColor !== "") return false;
  const forceColor = process.env.FORCE_COLOR;
  if (forceColor !== undefined && forceColor !== "" && forceColor !== "0") return true;
  return stream.isTTY === true;
}

/** Width to draw at: the terminal's columns when there is one, else `fallback` (80). */
export function terminalWidth(stream: TerminalLike = process.stdout, fallback = 80): number {
  return stream.isTTY === true && stream.columns !== undefined && stream.columns > 0 ? stream.columns : fallback;
}

// An ANSI "select graphic rendition" sequence: ESC [ numbers m.
const ansiPattern = /\x1b\[[0-9;]*m/g;

/** `text` without ANSI colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(ansiPattern, "");
}

/** How many terminal columns `text` takes: its characters, not counting colour codes. */
export function visibleLength(text: string): number {
  return [...stripAnsi(text)].length;
}

/** `text` padded with spaces to `width` visible columns, on the right or the left. */
export function padVisible(text: string, width: number, align: "left" | "right" = "left"): string {
  const padding = " ".repeat(Math.max(0, width - visibleLength(text)));
  return align === "left" ? text + padding : padding + text;
}

/** The ANSI colours the charts use, in the order series receive them. */
export const palette = {
  cyan: "\x1b[36m",
  magenta: "\x1b[35m",
  yellow: "\x1b[33m",
  green: "\x1b[32m",
  blue: "\x1b[34m",
  red: "\x1b[31m",
  white: "\x1b[37m",
  brightMagenta: "\x1b[95m",
  bold: "\x1b[1m",
  dim: "\x1b[2m",
} as const;

/** `text` wrapped in `code` … reset when `enabled`, untouched otherwise. */
export function paint(text: string, code: string, enabled: boolean): string {
  return enabled && text !== "" ? `${code}${text}\x1b[0m` : text;
}
