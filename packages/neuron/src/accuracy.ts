/**
 * accuracy = (number of predictions equal to their target) / (number of examples),
 * a fraction in [0, 1].
 */
export function accuracy(predictions: ArrayLike<number>, targets: ArrayLike<number>): number {
  if (predictions.length !== targets.length || predictions.length === 0) {
    throw new Error(
      `accuracy: ${predictions.length} predictions and ${targets.length} targets; expected the same number, at least one`,
    );
  }
  let correct = 0;
  for (let i = 0; i < predictions.length; i++) if (predictions[i] === targets[i]) correct++;
  return correct / predictions.length;
}
