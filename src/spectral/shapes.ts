/** Parametric emission line shapes, as functions of wavelength (nm) with peak value ≈ weight. */

/** hc in eV·nm (CODATA 2018). */
export const HC_EV_NM = 1239.84198;

export type LineShape = (wavelengthNm: number) => number;

export interface GaussianLine {
  peakNm: number;
  fwhmNm: number;
  /** Peak height relative to the other components. */
  weight: number;
}

/**
 * A band that is Gaussian in photon energy (inhomogeneous broadening, e.g. a size distribution),
 * written per unit wavelength: the Jacobian |dE/dλ| ∝ 1/λ² skews it to the red in λ.
 * σ_E is chosen so that the band's energy width spans peak ± FWHM/2 in wavelength.
 */
export function gaussianInEnergy({ peakNm, fwhmNm, weight }: GaussianLine): LineShape {
  const peakEv = HC_EV_NM / peakNm;
  const widthEv = HC_EV_NM / (peakNm - fwhmNm / 2) - HC_EV_NM / (peakNm + fwhmNm / 2);
  const sigmaEv = widthEv / (2 * Math.sqrt(2 * Math.LN2));
  return (wavelengthNm) => {
    if (!(wavelengthNm > 0)) return 0;
    const d = (HC_EV_NM / wavelengthNm - peakEv) / sigmaEv;
    const jacobian = (peakNm / wavelengthNm) ** 2;
    return weight * Math.exp(-0.5 * d * d) * jacobian;
  };
}

/** Wavelength range holding the band down to ~10⁻⁸ of its peak (±6 σ in energy), below any filter's leakage. */
export function gaussianInEnergyRangeNm({ peakNm, fwhmNm }: GaussianLine): [number, number] {
  const peakEv = HC_EV_NM / peakNm;
  const widthEv = HC_EV_NM / (peakNm - fwhmNm / 2) - HC_EV_NM / (peakNm + fwhmNm / 2);
  const sigmaEv = widthEv / (2 * Math.sqrt(2 * Math.LN2));
  const hiEv = peakEv + 6 * sigmaEv;
  const loEv = Math.max(peakEv - 6 * sigmaEv, HC_EV_NM / 5000);
  return [HC_EV_NM / hiEv, HC_EV_NM / loEv];
}

/**
 * A long red tail: amplitude·exp(−(λ − startNm)/decayNm), switched on smoothly around onsetNm
 * (logistic of width onsetWidthNm) so the sum with the main band has no kink.
 */
export function exponentialTail(o: {
  amplitude: number;
  startNm: number;
  decayNm: number;
  onsetNm: number;
  onsetWidthNm: number;
}): LineShape {
  return (wavelengthNm) => {
    const onset = 1 / (1 + Math.exp(-(wavelengthNm - o.onsetNm) / o.onsetWidthNm));
    return o.amplitude * onset * Math.exp(-(wavelengthNm - o.startNm) / o.decayNm);
  };
}

export function sumOf(shapes: LineShape[]): LineShape {
  return (wavelengthNm) => {
    let s = 0;
    for (const f of shapes) s += f(wavelengthNm);
    return s;
  };
}

/** Restricts a shape to a range (zero outside). */
export function within(shape: LineShape, [loNm, hiNm]: [number, number]): LineShape {
  return (wavelengthNm) => (wavelengthNm >= loNm && wavelengthNm <= hiNm ? shape(wavelengthNm) : 0);
}
