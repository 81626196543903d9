import { padVisible, visibleLength } from "./terminal.ts";

export type Cell = string | number;

export interface TableOptions {
  /** Column titles, printed above a rule. */
  header?: readonly string[];
  /** Per column; default: right for columns of numbers (so digits line up), left otherwise. */
  align?: ReadonlyArray<"left" | "right">;
  /** Decimals for the numbers of a column that holds any non-integer (default 4). */
  decimals?: number;
}

/**
 * Rows as aligned columns, two spaces apart, with an optional header over a rule:
 *
 *   layer    output     params
 *   ───────────────────────────
 *   Dense    [32, 128]  100480
 *   Dense    [32, 10]     1290
 *
 * A column of whole numbers prints them as they are; a column holding any fraction
 * prints all its numbers with the same number of decimals, so the points line up.
 * Cells may carry colour codes; widths count only the visible characters.
 */
export function table(rows: ReadonlyArray<readonly Cell[]>, options: TableOptions = {}): string {
  const { header, align, decimals = 4 } = options;
  const columnCount = header?.length ?? rows[0]?.length ?? 0;
  if (columnCount === 0) throw new Error("table: received no header and no rows; expected at least one of them");
  rows.forEach((row, index) => {
    if (row.length !== columnCount) {
      const expected = header === undefined ? "as many as row 0" : "as many as the header";
      throw new Error(`table: row ${index} has ${row.length} cells, expected ${columnCount} (${expected})`);
    }
  });
  if (align !== undefined && align.length !== columnCount) {
    throw new Error(`table: align has ${align.length} entries for ${columnCount} columns`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new Error(`table: decimals must be an integer from 0 to 20; received ${decimals}`);
  }

  const columns = Array.from({ length: columnCount }, (_, column) => rows.map((row) => row[column]));
  const numeric = columns.map((cells) => cells.length > 0 && cells.every((cell) => typeof cell === "number"));
  const fractional = columns.map((cells) => cells.some((cell) => typeof cell === "number" && !Number.isInteger(cell)));
  const text = rows.map((row) =>
    row.map((cell, column) => (typeof cell === "number" ? formatNumber(cell, fractional[column] ? decimals : 0) : cell)),
  );

  const widths = Array.from({ length: columnCount }, (_, column) =>
    Math.max(visibleLength(header?.[column] ?? ""), ...text.map((row) => visibleLength(row[column]))),
  );
  const alignment = (column: number) => align?.[column] ?? (numeric[column] ? "right" : "left");
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => padVisible(cell, widths[column], alignment(column))).join("  ").trimEnd();

  const lines: string[] = [];
  if (header !== undefined) {
    lines.push(line(header));
    lines.push("─".repeat(widths.reduce((sum, width) => sum + width, 0) + 2 * (columnCount - 1)));
  }
  lines.push(...text.map(line));
  return lines.join("\n");
}

function formatNumber(value: number, decimals: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  return Number.isInteger(value) && decimals === 0 ? String(value) : value.toFixed(decimals);
}
