/**
 * The one place where published per-cm coefficients become the engine's per-mm units.
 * Every table column named `*_per_cm` and every per-cm formula goes through here.
 */
export const MM_PER_CM = 10;

export function perCmToPerMm(valuePerCm: number): number {
  return valuePerCm / MM_PER_CM;
}

export function percentToFraction(percent: number): number {
  return percent / 100;
}
