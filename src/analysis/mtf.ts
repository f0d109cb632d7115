/**
 * Modulation transfer function of a symmetric line spread function given as a folded profile
 * (density per mm at |x| bin centres): MTF(f) = ∫ LSF(x) cos(2π f x) dx / ∫ LSF(x) dx.
 */
export function mtfFromFoldedLsf(positionsMm: number[], density: number[], binMm: number, frequenciesPerMm: number[]): number[] {
  let total = 0;
  for (const d of density) total += 2 * d * binMm;
  return frequenciesPerMm.map((f) => {
    let s = 0;
    for (let i = 0; i < positionsMm.length; i++) s += 2 * density[i] * binMm * Math.cos(2 * Math.PI * f * positionsMm[i]);
    return total > 0 ? s / total : NaN;
  });
}

/** Spatial frequency where the MTF first falls to `level` (linear interpolation), or NaN if it never does. */
export function mtfCrossing(frequenciesPerMm: number[], mtf: number[], level = 0.5): number {
  for (let i = 1; i < mtf.length; i++) {
    if (mtf[i] < level && mtf[i - 1] >= level) {
      return frequenciesPerMm[i - 1] + ((mtf[i - 1] - level) / (mtf[i - 1] - mtf[i])) * (frequenciesPerMm[i] - frequenciesPerMm[i - 1]);
    }
  }
  return NaN;
}
