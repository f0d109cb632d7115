/** Standard error of the mean of N per-photon values from their sum and sum of squares. */
export function standardError(sum: number, sumSq: number, n: number): number {
  if (n < 2) return NaN;
  const mean = sum / n;
  const variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1));
  return Math.sqrt(variance / n);
}
