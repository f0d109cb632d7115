/**
 * Delete-one-group jackknife (Efron & Stein 1981): the estimate from all groups and its standard
 * error from the spread of the estimates that leave one group out. Groups are summed histograms.
 */
export function jackknife(groups: Float64Array[], estimate: (sum: Float64Array) => number): { value: number; stdErr: number } {
  const total = new Float64Array(groups[0].length);
  for (const g of groups) for (let i = 0; i < g.length; i++) total[i] += g[i];
  const value = estimate(total);
  const G = groups.length;
  if (G < 2) return { value, stdErr: NaN };
  const leaveOut = groups.map((g) => estimate(total.map((v, i) => v - g[i])));
  const finite = leaveOut.filter(Number.isFinite);
  if (finite.length < G) return { value, stdErr: NaN };
  const mean = finite.reduce((a, b) => a + b, 0) / G;
  const ss = finite.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { value, stdErr: Math.sqrt(((G - 1) / G) * ss) };
}
