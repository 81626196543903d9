/**
 * The mean of k scores and their sample standard deviation, the spread k-fold
 * cross-validation reports as mean ± std:
 *
 *   mean = (1/k)·Σ sᵢ        std = √( Σ (sᵢ − mean)² / (k − 1) )
 *
 * k − 1, not k (Bessel's correction): the deviations are measured from the scores' own
 * mean, which sits closer to them than the true mean does, so dividing by k would
 * underestimate the spread. numpy's std divides by k unless given ddof=1, pandas' divides
 * by k − 1: always say which one you report.
 */
export function meanAndSampleStd(scores: readonly number[]): { mean: number; std: number } {
  if (scores.length < 2) {
    throw new Error(`meanAndSampleStd: received ${scores.length} score(s); a sample standard deviation needs at least 2`);
  }
  const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
  const squares = scores.reduce((sum, score) => sum + (score - mean) ** 2, 0);
  return { mean, std: Math.sqrt(squares / (scores.length - 1)) };
}
