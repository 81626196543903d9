/**
 * Turning measurements into table rows. The ratio column is gradschool's median rate
 * divided by the row's: above 1 gradschool is faster, below 1 the peer is.
 */
import { MB } from "./memory.ts";
import { type Contestant, type ContestantResult, type Schedule, runAlternating } from "./measure.ts";
import type { Table } from "./table.ts";

/** A row with no measurement: a library without the layer ("—"), or a peer skipped in a quick run. */
export interface AbsentRow {
  name: string;
  absent: string;
}

export type Row = ContestantResult | AbsentRow;

/** Runs the contestants among `entries` in alternating blocks; absent rows keep their place. */
export async function runRows(entries: Array<Contestant | AbsentRow>, schedule: Schedule): Promise<Row[]> {
  const contestants = entries.filter((entry): entry is Contestant => "step" in entry);
  const results = await runAlternating(contestants, schedule);
  return entries.map((entry) => ("step" in entry ? results[contestants.indexOf(entry)] : entry));
}

export const TRAINING_HEADER = ["library / backend", "samples/s", "blocks", "gradschool ÷ peer", "peak MB", "parameters", "loss first → last"];
export const MATMUL_HEADER = ["size", "library / kernel", "GFLOP/s", "blocks", "gradschool ÷ peer", "peak MB"];

/** A training benchmark's table; the first row is gradschool's, which the ratios divide by. */
export function trainingTable(title: string, rows: Row[], notes: string[]): Table {
  return {
    title,
    header: TRAINING_HEADER,
    rows: rows.map((row) => trainingRow(row, rows[0])),
    leftColumns: 1,
    notes: [...notes, ...errorNotes(rows)],
  };
}

export function trainingRow(row: Row, reference: Row | undefined): string[] {
  if ("absent" in row) return [row.name, row.absent, "—", "—", "—", "—", "—"];
  if (row.error !== undefined) return [row.name, "not supported", "—", "—", "—", count(row.parameters), "—"];
  const losses = row.firstLoss === undefined || row.lastLoss === undefined ? "—" : `${row.firstLoss.toFixed(2)} → ${row.lastLoss.toFixed(2)}`;
  const blocks = `${row.blockRates.length}`;
  return [row.name, count(row.medianRate), blocks, ratio(row, reference), megabytes(row.peakBytes), count(row.parameters), losses];
}

export function matmulRow(size: string, row: Row, reference: Row | undefined): string[] {
  if ("absent" in row) return [size, row.name, row.absent, "—", "—", "—"];
  if (row.error !== undefined) return [size, row.name, "failed", "—", "—", "—"];
  return [size, row.name, (row.medianRate / 1e9).toFixed(2), `${row.blockRates.length}`, ratio(row, reference), megabytes(row.peakBytes)];
}

/** Notes for the rows whose steps threw: the first line of each error. */
export function errorNotes(rows: Row[]): string[] {
  return rows.flatMap((row) => ("error" in row && row.error !== undefined ? [`${row.name}: ${row.error}`] : []));
}

function ratio(row: ContestantResult, reference: Row | undefined): string {
  if (reference === undefined || reference === row || "absent" in reference || reference.error !== undefined) return "—";
  return `${(reference.medianRate / row.medianRate).toFixed(2)}×`;
}

function megabytes(bytes: number): string {
  return (bytes / MB).toFixed(1);
}

function count(value: number | undefined): string {
  return value === undefined || Number.isNaN(value) ? "—" : Math.round(value).toLocaleString("en-US");
}
