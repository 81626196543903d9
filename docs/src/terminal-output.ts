/**
 * A lesson's captured output as HTML: what the terminal showed, colours included.
 *
 * Two things a terminal does with text that a web page cannot:
 * - it redraws a line in place: "\r" returns to the line's start, so only the text after
 *   the last "\r" is left on screen;
 * - it keeps a progress bar on one line: off a terminal the bar prints a line at 25%, 50%,
 *   75% and when done, and the page shows only the last of a run of such lines.
 * Then ANSI colour codes become spans with classes (ansi-cyan-fg, …) the stylesheet colours
 * for the light and the dark theme; everything else is HTML-escaped.
 */
import { AnsiUp } from "ansi_up";

const ansiPattern = /\x1b\[[0-9;]*m/g;
// "epoch 1/5   469/1875  25% [█████     ]": a label, a count, a percentage and a bar.
const progressPattern = /^(.*?)\s*\d+\/\d+\s+\d+% \[/;

/** `text` as the terminal would finally show it: redraws collapsed to their final state. */
export function collapseRedraws(text: string): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n").map(finalState);
  const kept: string[] = [];
  let previousLabel: string | undefined;
  for (const line of lines) {
    const label = progressPattern.exec(line.replace(ansiPattern, ""))?.[1];
    if (label !== undefined && label === previousLabel) kept[kept.length - 1] = line;
    else kept.push(line);
    previousLabel = label;
  }
  return kept.join("\n");
}

/** What is left of a line after its carriage returns: the last non-empty redraw. */
function finalState(line: string): string {
  if (!line.includes("\r")) return line;
  const redraws = line.split("\r").filter((part) => part.replace(ansiPattern, "").trim() !== "");
  return redraws.at(-1) ?? "";
}

/** Terminal text with ANSI colour codes → HTML for inside a <pre>. */
export function ansiToHtml(text: string): string {
  const converter = new AnsiUp();
  converter.use_classes = true;
  converter.escape_html = true;
  return converter.ansi_to_html(text);
}

/** A captured output as the inside of a <pre>: redraws collapsed, blank lines around it dropped, colours kept. */
export function renderTerminalOutput(text: string): string {
  return ansiToHtml(collapseRedraws(text).replace(/^(\s*\n)+/, "").replace(/\s+$/, ""));
}
