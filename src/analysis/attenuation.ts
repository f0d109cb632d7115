/**
 * Effective attenuation from signal vs depth: weighted least squares of ln S = a − μ·d with weights
 * (S/σ)², i.e. S(d) ≈ S0·exp(−μ d). Returns μ (1/mm), its standard error and S0.
 */
export function fitAttenuation(depthsMm: number[], signal: number[], signalStdErr: number[]) {
  let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  let used = 0;
  depthsMm.forEach((d, i) => {
    if (!(signal[i] > 0)) return;
    const rel = signalStdErr[i] / signal[i];
    const w = rel > 0 ? 1 / (rel * rel) : 1;
    const y = Math.log(signal[i]);
    sw += w; sx += w * d; sy += w * y; sxx += w * d * d; sxy += w * d * y;
    used++;
  });
  if (used < 2) return { muEffPerMm: NaN, muEffStdErr: NaN, signalAtZero: NaN, oneOverEDepthMm: NaN };
  const det = sw * sxx - sx * sx;
  const slope = (sw * sxy - sx * sy) / det;
  const intercept = (sy - slope * sx) / sw;
  return {
    muEffPerMm: -slope,
    muEffStdErr: Math.sqrt(sw / det),
    signalAtZero: Math.exp(intercept),
    oneOverEDepthMm: -1 / slope,
  };
}

/**
 * Penetration depth: the depth at which a quantity that falls with depth (here SBR) reaches
 * `threshold`, by interpolating ln(value) linearly between the simulated depths. Null when it stays
 * above the threshold over the simulated range (the depth is beyond it) or starts below it.
 */
export function depthAtThreshold(depthsMm: number[], values: number[], threshold: number): { depthMm: number | null; note: string } {
  const order = depthsMm.map((d, i) => i).sort((a, b) => depthsMm[a] - depthsMm[b]);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (values[i] < threshold) {
      if (k === 0) return { depthMm: null, note: `already below ${threshold} at the shallowest depth (${depthsMm[i]} mm)` };
      const j = order[k - 1];
      const t = (Math.log(values[j]) - Math.log(threshold)) / (Math.log(values[j]) - Math.log(values[i]));
      return { depthMm: depthsMm[j] + t * (depthsMm[i] - depthsMm[j]), note: 'interpolated between simulated depths' };
    }
  }
  return { depthMm: null, note: `still above ${threshold} at the deepest simulated depth (${Math.max(...depthsMm)} mm)` };
}
