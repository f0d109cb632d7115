import { z } from 'zod';

const fraction = (what: string) =>
  z.number({ error: `${what} must be a number between 0 and 1` }).min(0, `${what} must be ≥ 0`).max(1, `${what} must be ≤ 1`);

/** Reduced scattering at 500 nm, Jacques 2013 eq. (1) or (2). Units: 1/mm. */
export const ScatteringSchema = z.union([
  z.strictObject({
    model: z.literal('jacques-eq2'),
    aPrimePerMm: z.number().positive('must be > 0'),
    fRayleigh: fraction('fRayleigh'),
    bMie: z.number().min(0, 'must be ≥ 0'),
  }),
  z.strictObject({
    model: z.literal('power-law'),
    aPerMm: z.number().positive('must be > 0'),
    b: z.number().min(0, 'must be ≥ 0'),
  }),
]);

/** μa(λ) = B·[S·μa,oxy + (1−S)·μa,deoxy] + W·μa,water + F·μa,fat + M·μa,melanosome + baseline. */
export const CompositionSchema = z.strictObject({
  bloodFraction: fraction('bloodFraction').default(0),
  oxygenSaturation: fraction('oxygenSaturation').default(0.98),
  waterFraction: fraction('waterFraction').default(0),
  fatFraction: fraction('fatFraction').default(0),
  melanosomeFraction: fraction('melanosomeFraction').default(0),
  baselineMuaPerMm: z.number().min(0, 'must be ≥ 0').default(0),
  scattering: ScatteringSchema,
  g: z.number().gt(-1, 'must be > -1').lt(1, 'must be < 1'),
  n: z.number().min(1, 'must be ≥ 1'),
});

export type Composition = z.infer<typeof CompositionSchema>;
