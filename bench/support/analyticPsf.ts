import type { RadialProfile } from '../../src/image/radialPsf.js';

const PROFILE_SAMPLES = 4096;

/**
 * Unscattered light from a point source at depth d reaching the surface: surface density
 * d / (2 pi (d^2 + rho^2)^(3/2)) per mm^2 (unit integral over the plane), FWHM = 2 d sqrt(2^(2/3) - 1)
 * = 1.5328 d.
 */
export function unscatteredProfile(depthMm: number, maxRadiusMm: number): RadialProfile {
  return sampleProfile(maxRadiusMm, (r) => depthMm / (2 * Math.PI * (depthMm * depthMm + r * r) ** 1.5));
}

export interface ScatteringMedium {
  muaPerMm: number;
  musPerMm: number;
  g: number;
  n: number;
}

/** NIR-II-like soft tissue near 1300 nm: mu_s' = 1 /mm, mu_a = 0.1 /mm. */
export const DEFAULT_MEDIUM: ScatteringMedium = { muaPerMm: 0.1, musPerMm: 10, g: 0.9, n: 1.37 };

/**
 * A scattering-like PSF family for a point emitter at depth d: the ballistic fraction exp(-mu_t d)
 * spread as the unscattered profile, plus the diffuse remainder spread as the surface flux of the
 * diffusion dipole with an extrapolated boundary (Farrell, Patterson & Wilson, Med. Phys. 19, 879 (1992),
 * with the source at the emitter depth). Each part is normalised over the plane before mixing.
 */
export function scatteringProfile(depthMm: number, maxRadiusMm: number, medium: ScatteringMedium = DEFAULT_MEDIUM): RadialProfile {
  const { muaPerMm: mua, musPerMm: mus, g, n } = medium;
  const musp = mus * (1 - g);
  const muEff = Math.sqrt(3 * mua * (mua + musp));
  // Groenhuis et al. (1983) internal-reflection fit for the extrapolation length.
  const rd = -1.44 / (n * n) + 0.71 / n + 0.668 + 0.0636 * n;
  const zb = (2 * (1 + rd)) / (1 - rd) / (3 * (mua + musp));
  const z0 = depthMm;
  const zi = depthMm + 2 * zb;
  const diffuse = (rho: number): number => {
    const r1 = Math.hypot(z0, rho);
    const r2 = Math.hypot(zi, rho);
    return (z0 * (muEff + 1 / r1) * Math.exp(-muEff * r1)) / (r1 * r1) + (zi * (muEff + 1 / r2) * Math.exp(-muEff * r2)) / (r2 * r2);
  };
  const ballisticFraction = Math.exp(-(mus + mua) * depthMm);
  const ballistic = unscatteredProfile(depthMm, maxRadiusMm);
  const diff = sampleProfile(maxRadiusMm, diffuse);
  const diffNorm = planeIntegral(diff);
  const ballNorm = planeIntegral(ballistic);
  return {
    rMm: ballistic.rMm,
    density: ballistic.density.map(
      (v, i) => (ballisticFraction * v) / ballNorm + ((1 - ballisticFraction) * diff.density[i]) / diffNorm,
    ),
  };
}

function sampleProfile(maxRadiusMm: number, f: (rMm: number) => number): RadialProfile {
  const rMm: number[] = [];
  const density: number[] = [];
  for (let i = 0; i < PROFILE_SAMPLES; i++) {
    const r = (maxRadiusMm * i) / (PROFILE_SAMPLES - 1);
    rMm.push(r);
    density.push(f(r));
  }
  return { rMm, density };
}

function planeIntegral(p: RadialProfile): number {
  let s = 0;
  for (let i = 1; i < p.rMm.length; i++) {
    const r0 = p.rMm[i - 1];
    const r1 = p.rMm[i];
    s += Math.PI * (r1 - r0) * (p.density[i - 1] * r0 + p.density[i] * r1);
  }
  return s;
}
