/** Unit Poisson deviance 2 [y ln(y / mu) - (y - mu)]; y < 0 counts as 0. */
export function poissonDeviance(y: number, mu: number): number {
  const m = mu > 1e-300 ? mu : 1e-300;
  if (y <= 0) return 2 * m;
  return 2 * (y * Math.log(y / m) - (y - m));
}
