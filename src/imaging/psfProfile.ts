import { halfMax, lnDensityCoreFit, radialProfile } from '../analysis/halfMax.js';

export interface RadialDensity {
  rMm: number[];
  density: number[];
}

/** The raw radial PSF (annulus densities per mm² per emitted photon); the overflow bin is dropped. */
export function rawRadialDensity(annulusWeights: Float64Array, binMm: number): RadialDensity {
  const p = radialProfile(annulusWeights, binMm);
  return { rMm: p.positionsMm, density: p.density.map((d) => Math.max(0, d)) };
}

/**
 * A smooth radial PSF: annuli merged until each holds ≥ minShare of the detected weight (noise
 * falls where photons are few), ln-density interpolated between them, and the core (r ≤ 1.4·HWHM)
 * replaced by the ln-density cubic fit in r² that the FWHM estimate uses.
 */
export function smoothRadialDensity(annulusWeights: Float64Array, binMm: number, minShare = 0.005): RadialDensity {
  const raw = radialProfile(annulusWeights, binMm);
  const total = annulusWeights.reduce((a, b) => a + b, 0);
  const rMm: number[] = [];
  const density: number[] = [];
  let w = 0;
  let area = 0;
  let r2w = 0;
  for (let i = 0; i < raw.density.length; i++) {
    const a = Math.PI * (2 * i + 1) * binMm * binMm;
    w += annulusWeights[i];
    area += a;
    r2w += raw.positionsMm[i] ** 2 * a;
    if (w >= minShare * total || i === raw.density.length - 1) {
      rMm.push(Math.sqrt(r2w / area));
      density.push(w / area);
      w = 0;
      area = 0;
      r2w = 0;
    }
  }
  const fit = halfMax(raw);
  const core = coreCurve(raw, fit.halfWidthMm);
  const out: RadialDensity = { rMm: [], density: [] };
  if (core) {
    const rCore = 1.4 * fit.halfWidthMm;
    for (let k = 0; k <= 40; k++) {
      const r = (k / 40) * rCore;
      out.rMm.push(r);
      out.density.push(core(r));
    }
    rMm.forEach((r, i) => {
      if (r > rCore * 1.05 && density[i] > 0) {
        out.rMm.push(r);
        out.density.push(density[i]);
      }
    });
    return out;
  }
  return { rMm, density };
}

/** The core fit (cubic in r² of ln density over r ≤ 1.4·HWHM) as a function of r, or null. */
function coreCurve(p: ReturnType<typeof radialProfile>, halfWidthMm: number): ((r: number) => number) | null {
  if (!Number.isFinite(halfWidthMm)) return null;
  const coef = lnDensityCoreFit(p, halfWidthMm);
  if (!coef) return null;
  const scale = halfWidthMm * halfWidthMm;
  return (r: number) => {
    const u = (r * r) / scale;
    return Math.exp(coef[0] + coef[1] * u + coef[2] * u * u + coef[3] * u * u * u);
  };
}
