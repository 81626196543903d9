import { table } from "./table.ts";
import { padVisible, paint, palette, useColor, visibleLength } from "./terminal.ts";

/**
 * The confusion matrix: counts[t][p] = how many examples of true class t were predicted
 * as class p. The diagonal holds the correct predictions; every other cell is one kind
 * of mistake ("a 4 read as a 9").
 */
export function confusionCounts(labels: ArrayLike<number>, predictions: ArrayLike<number>, classCount: number): number[][] {
  if (!Number.isInteger(classCount) || classCount < 1) {
    throw new Error(`confusionCounts: classCount must be a positive integer; received ${classCount}`);
  }
  return countPairs("confusionCounts", labels, predictions, classCount);
}

export interface ConfusionMatrixOptions {
  /** How many classes, or their names in class order (default: largest class index seen + 1). */
  classes?: number | readonly string[];
  /** Force colour on or off (default: on for a terminal unless NO_COLOR is set). */
  colors?: boolean;
}

/**
 * The confusion matrix as a table, one row per true class and one column per predicted
 * class, with each row's total and recall (the share of that class found) and the overall
 * accuracy. Zeros print as "·" so the mistakes stand out; with colour on, the diagonal is
 * green and the mistakes red.
 *
 *              predicted
 *   true     0    1    2  total  recall
 *   ────────────────────────────────────
 *   0       48    1    ·     49   98.0%
 *   1        2   45    3     50   90.0%
 *   2        ·    1   50     51   98.0%
 *   accuracy 143/150 = 95.3%
 */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  options: ConfusionMatrixOptions = {},
): string {
  const { classes } = options;
  const names = Array.isArray(classes) ? [...(classes as readonly string[])] : undefined;
  let classCount: number;
  if (names !== undefined) classCount = names.length;
  else if (typeof classes === "number") classCount = classes;
  else classCount = Math.max(-1, ...Array.from(labels), ...Array.from(predictions)) + 1;
  if (!Number.isInteger(classCount) || classCount < 1) {
    throw new Error(`confusionMatrix: classes must be a positive integer or a list of names; received ${String(classes)}`);
  }
  const counts = countPairs("confusionMatrix", labels, predictions, classCount);
  const colors = useColor(options.colors);
  const className = (index: number) => names?.[index] ?? String(index);

  const rows = counts.map((row, trueClass) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    const cells = row.map((count, predicted) => {
      if (count === 0) return "·";
      return paint(String(count), predicted === trueClass ? palette.green : palette.red, colors);
    });
    const recall = total === 0 ? "—" : `${((100 * row[trueClass]) / total).toFixed(1)}%`;
    return [className(trueClass), ...cells, String(total), recall];
  });
  // Every class column as wide as the widest, so the grid reads as a square.
  const cellWidth = Math.max(...rows.flatMap((row) => row.slice(1, classCount + 1)).map(visibleLength), ...counts.map((_, index) => className(index).length));
  for (const row of rows) for (let column = 1; column <= classCount; column++) row[column] = padVisible(row[column], cellWidth, "right");
  const align = ["left" as const, ...counts.map(() => "right" as const), "right" as const, "right" as const];
  const header = ["true", ...counts.map((_, index) => className(index).padStart(cellWidth)), "total", "recall"];
  const body = table(rows, { header, align });

  const correct = counts.reduce((sum, row, index) => sum + row[index], 0);
  const accuracy = `accuracy ${correct}/${labels.length} = ${((100 * correct) / labels.length).toFixed(1)}%`;
  const firstColumnWidth = Math.max(...header.slice(0, 1).concat(rows.map((row) => row[0])).map(visibleLength));
  return [" ".repeat(firstColumnWidth + 2) + "predicted", body, paint(accuracy, palette.bold, colors)].join("\n");
}

/** counts[label][prediction] over all pairs, after checking lengths and class indices. */
function countPairs(caller: string, labels: ArrayLike<number>, predictions: ArrayLike<number>, classCount: number): number[][] {
  if (labels.length !== predictions.length) {
    throw new Error(`${caller}: ${labels.length} labels but ${predictions.length} predictions; expected one prediction per label`);
  }
  if (labels.length === 0) throw new Error(`${caller}: received no labels; expected at least one labelled prediction`);
  const counts = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < labels.length; i++) {
    for (const [what, value] of [["label", labels[i]], ["prediction", predictions[i]]] as const) {
      if (!Number.isInteger(value) || value < 0 || value >= classCount) {
        throw new Error(`${caller}: ${what} ${i} is ${value}; expected a class index from 0 to ${classCount - 1}`);
      }
    }
    counts[labels[i]][predictions[i]]++;
  }
  return counts;
}
