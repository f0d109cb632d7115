/**
 * Cross-vessel profile of a cylindrical emitter of radius radiusMm (axis along y): the line spread
 * function convolved with the vessel's projected emission, the chord density 2√(a²−x²)/(πa²).
 * Input and output are profiles folded about the axis (weights per |x| bin of binMm).
 * The vessel's own optical properties are taken to be those of the surrounding layer.
 */
export function vesselFoldedProfile(folded: Float64Array, binMm: number, radiusMm: number): Float64Array {
  const n = folded.length;
  const halfBins = Math.floor(radiusMm / binMm);
  if (halfBins < 1) return folded;
  // Unfold to a symmetric array over bins −n..n−1, convolve, fold back.
  const full = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    full[n + i] = folded[i] / 2;
    full[n - 1 - i] = folded[i] / 2;
  }
  const kernel: number[] = [];
  let ksum = 0;
  for (let k = -halfBins; k <= halfBins; k++) {
    const x = k * binMm;
    const v = Math.sqrt(Math.max(0, radiusMm * radiusMm - x * x));
    kernel.push(v);
    ksum += v;
  }
  const out = new Float64Array(2 * n);
  for (let i = 0; i < 2 * n; i++) {
    let s = 0;
    for (let k = -halfBins; k <= halfBins; k++) {
      const j = i - k;
      if (j >= 0 && j < 2 * n) s += full[j] * kernel[k + halfBins];
    }
    out[i] = s / ksum;
  }
  const result = new Float64Array(n);
  for (let i = 0; i < n; i++) result[i] = out[n + i] + out[n - 1 - i];
  return result;
}
