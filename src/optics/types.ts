/** Optical properties of one layer at one wavelength. Units: 1/mm. */
export interface LayerOptics {
  muaPerMm: number;
  musPerMm: number;
  g: number;
  n: number;
}
