
export interface SymmetricProfile {
  /** Distance of each bin from the axis (mm), increasing; for annuli use √(mean r²) of the bin. */
  positionsMm: number[];
  /** Mean density in each bin. */
  density: number[];
  /** Relative statistical weight of each bin (∝ its area). */
  weights: number[];
}

export interface HalfMax {
  peak: number;
  halfWidthMm: number;
}

function indicesWhere(p: SymmetricProfile, from: number, to: number): number[] {
  const out: number[] = [];
  p.positionsMm.forEach((x, i) => {
    if (x >= from && x <= to) out.push(i);
  });
  return out;
}



/** Merges every `m` neighbouring bins (area-weighted density, position √(mean x²)). */
function mergeBins(p: SymmetricProfile, m: number): SymmetricProfile {
  const out: SymmetricProfile = { positionsMm: [], density: [], weights: [] };
  for (let i = 0; i + m <= p.density.length; i += m) {
    let w = 0, dw = 0, xw = 0;
    for (let k = i; k < i + m; k++) {
      w += p.weights[k];
      dw += p.density[k] * p.weights[k];
      xw += p.positionsMm[k] ** 2 * p.weights[k];
    }
    out.positionsMm.push(Math.sqrt(xw / w));
    out.density.push(dw / w);
    out.weights.push(w);
  }
  return out;
}

/** First bin-to-bin crossing of `level`, linearly interpolated (a coarse starting point). */
function firstCrossing(p: SymmetricProfile, level: number): number {
  for (let i = 1; i < p.density.length; i++) {
    if (p.density[i] < level) {
      const x0 = p.positionsMm[i - 1];
      const x1 = p.positionsMm[i];
      return x0 + ((p.density[i - 1] - level) / (p.density[i - 1] - p.density[i])) * (x1 - x0);
    }
  }
  return NaN;
}

/** Weighted least squares of y on [1, u, u², u³]; returns the coefficients. */
function fitCubic(us: number[], ys: number[], ws: number[]): number[] | null {
  const m = 4;
  const A = Array.from({ length: m }, () => new Array<number>(m + 1).fill(0));
  for (let i = 0; i < us.length; i++) {
    const pw = [1, us[i], us[i] ** 2, us[i] ** 3];
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) A[r][c] += ws[i] * pw[r] * pw[c];
      A[r][m] += ws[i] * pw[r] * ys[i];
    }
  }
  for (let c = 0; c < m; c++) {
    let pivot = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(A[r][c]) > Math.abs(A[pivot][c])) pivot = r;
    if (!(Math.abs(A[pivot][c]) > 0)) return null;
    [A[c], A[pivot]] = [A[pivot], A[c]];
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= m; k++) A[r][k] -= f * A[c][k];
    }
  }
  return A.map((row, r) => row[m] / row[r]);
}

/**
 * Fit of ln(density) with a cubic in u = x²/windowMm² over x ≤ 1.4·windowMm, weighted by photon
 * count (density × bin weight). Returns the four coefficients, or null if there are too few bins.
 */
export function lnDensityCoreFit(p: SymmetricProfile, windowMm: number): number[] | null {
  const idx = indicesWhere(p, 0, 1.4 * windowMm).filter((i) => p.density[i] > 0);
  if (idx.length < 6) return null;
  const scale = windowMm * windowMm;
  return fitCubic(
    idx.map((i) => p.positionsMm[i] ** 2 / scale),
    idx.map((i) => Math.log(p.density[i])),
    idx.map((i) => p.density[i] * p.weights[i]),
  );
}

/** One fit of ln(density) over x ≤ 1.4·windowMm; the half width where the fit falls to half its peak. */
function fitCore(p: SymmetricProfile, windowMm: number): { result: HalfMax; ok: boolean } {
  const failed = { result: { peak: NaN, halfWidthMm: NaN }, ok: false };
  const c = lnDensityCoreFit(p, windowMm);
  if (!c) return failed;
  const scale = windowMm * windowMm;
  const lnCurve = (u: number) => c[0] + c[1] * u + c[2] * u * u + c[3] * u * u * u;
  const target = c[0] - Math.LN2;
  // Bisection for lnCurve(u) = c0 − ln 2 on u ∈ (0, 1.96], the fitted range.
  let lo = 0;
  let hi = 1.96;
  if (lnCurve(hi) > target) return failed;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (lnCurve(mid) > target) lo = mid;
    else hi = mid;
  }
  return { result: { peak: Math.exp(c[0]), halfWidthMm: Math.sqrt(((lo + hi) / 2) * scale) }, ok: true };
}

/**
 * Peak and half width at half maximum of a profile symmetric about 0 that falls off from it.
 * The centre bins of a photon histogram hold few photons, so the peak is not read off them:
 * ln(density) is fitted with a cubic in x² over the core (x ≤ 1.4·HWHM, weighted by photon
 * count), and the HWHM is where the fitted curve falls to half its value at 0. Iterated from a
 * coarse start; ~30 % of the photons inform the estimate instead of the few on the axis.
 * With fixedWindowMm the fit window is held fixed (one fit): a smooth function of the data, as
 * jackknife replicates need.
 */
export function halfMax(p: SymmetricProfile, fixedWindowMm?: number): HalfMax {
  if (fixedWindowMm !== undefined) return fitCore(p, fixedWindowMm).result;
  // Coarse start on a merged profile whose first bin holds ≥ 4 % of the weight: robust to noise.
  const total = p.density.reduce((a, d, i) => a + d * p.weights[i], 0);
  let perBin = 1;
  for (let cumulative = 0; perBin < p.density.length; perBin++) {
    cumulative += p.density[perBin - 1] * p.weights[perBin - 1];
    if (cumulative >= 0.04 * total) break;
  }
  const coarse = mergeBins(p, perBin);
  let peak = coarse.density[0];
  let halfWidth = firstCrossing(coarse, peak / 2);
  for (let iteration = 0; iteration < 8 && Number.isFinite(halfWidth) && halfWidth > 0; iteration++) {
    const { result, ok } = fitCore(p, halfWidth);
    if (!ok) break;
    const converged = Math.abs(result.halfWidthMm - halfWidth) < 1e-5 * halfWidth;
    peak = result.peak;
    halfWidth = result.halfWidthMm;
    if (converged) break;
  }
  const binMm = p.positionsMm.length > 1 ? p.positionsMm[1] - p.positionsMm[0] : Infinity;
  if (!(peak > 0) || !Number.isFinite(halfWidth) || halfWidth < 3 * binMm) return { peak: NaN, halfWidthMm: NaN };
  return { peak, halfWidthMm: halfWidth };
}

/** Radial PSF from annulus weights (bins of binMm from r = 0): density per mm² at √(mean r²) of each annulus. */
export function radialProfile(annulusWeights: ArrayLike<number>, binMm: number): SymmetricProfile {
  const positionsMm: number[] = [];
  const density: number[] = [];
  const weights: number[] = [];
  // The last bin also collects everything beyond the grid: leave it out of the profile.
  for (let i = 0; i < annulusWeights.length - 1; i++) {
    const area = Math.PI * (2 * i + 1) * binMm * binMm;
    positionsMm.push(binMm * Math.sqrt((i * i + (i + 1) * (i + 1)) / 2));
    density.push(annulusWeights[i] / area);
    weights.push(2 * i + 1);
  }
  return { positionsMm, density, weights };
}

/** A line profile folded about 0 (bins of |x| of width binMm): density per mm at bin centres. */
export function foldedLineProfile(foldedWeights: ArrayLike<number>, binMm: number): SymmetricProfile {
  const positionsMm: number[] = [];
  const density: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < foldedWeights.length - 1; i++) {
    positionsMm.push((i + 0.5) * binMm);
    density.push(foldedWeights[i] / (2 * binMm));
    weights.push(1);
  }
  return { positionsMm, density, weights };
}
