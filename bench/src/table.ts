/**
 * A results table, printed two ways: padded text for the terminal and Markdown for
 * RESULTS.md. Name columns are aligned left, number columns right.
 */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
  /** Columns 0 … leftColumns − 1 hold names and are aligned left; the rest hold numbers. */
  leftColumns: number;
  /** Lines printed under the table: how to read it, and any contestant's error. */
  notes: string[];
}

export function tableAsText(table: Table): string {
  const widths = table.header.map((title, column) =>
    Math.max(title.length, ...table.rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column < table.leftColumns ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join("  ")
      .trimEnd();
  return [
    table.title,
    line(table.header),
    line(widths.map((width) => "─".repeat(width))),
    ...table.rows.map(line),
    ...table.notes.map((note) => `  ${note}`),
  ].join("\n");
}

export function tableAsMarkdown(table: Table): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  const rule = table.header.map((_, column) => (column < table.leftColumns ? "---" : "---:"));
  return [
    `### ${table.title}`,
    "",
    line(table.header),
    `|${rule.join("|")}|`,
    ...table.rows.map(line),
    ...(table.notes.length > 0 ? ["", ...table.notes.map((note) => `- ${note}`)] : []),
  ].join("\n");
}
