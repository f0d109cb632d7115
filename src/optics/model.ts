import type { Spectrum } from './spectrum.js';

/** Everything needed to evaluate a layer's optics at a wavelength (coefficients in 1/mm). */
export interface OpticsModel {
  mua: Spectrum;
  /** Reduced scattering μs′; μs = μs′/(1 − g). */
  musp: Spectrum;
  g: Spectrum;
  n: Spectrum;
}
