import { z } from 'zod';

const fraction = (what: string) =>
  z.number({ error: `${what} must be a number between 0 and 1` }).min(0, `${what} must be ≥ 0`).max(1, `${what} must be ≤ 1`);

/**
 * Optional range (nm) the scattering parameters were fitted to. Outside it, evaluating the law is
 * extrapolation and needs allowExtrapolation (--allow-extrapolation). Without it the law is used at any wavelength.
 */
const fitRangeNm = z
  .tuple([z.number().positive('must be > 0 nm'), z.number().positive('must be > 0 nm')], { error: 'must be [fromNm, toNm]' })
  .refine(([from, to]) => from < to, 'fromNm must be < toNm')
  .optional();

/** Reduced scattering μs′ by Jacques 2013 eq. (1) or (2); a and a′ are μs′ at 500 nm in 1/mm. */
export const ScatteringSchema = z.union([
  z.strictObject({
    model: z.literal('jacques-eq2'),
    aPrimePerMm: z.number().positive('must be > 0'),
    fRayleigh: fraction('fRayleigh'),
    bMie: z.number().min(0, 'must be ≥ 0'),
    fitRangeNm,
  }),
  z.strictObject({
    model: z.literal('power-law'),
    aPerMm: z.number().positive('must be > 0'),
    b: z.number().min(0, 'must be ≥ 0'),
    fitRangeNm,
  }),
]);

/**
 * μa(λ) = B·[S·μa,oxy + (1−S)·μa,deoxy] + W·μa,water + F·μa,fat + M·μa,melanosome + baseline.
 * B is the whole-blood volume fraction (the blood spectra include the water of blood), so W is the water outside blood.
 */
export const CompositionSchema = z
  .strictObject({
    bloodFraction: fraction('bloodFraction').default(0),
    oxygenSaturation: fraction('oxygenSaturation').default(0.98),
    waterFraction: fraction('waterFraction').default(0),
    fatFraction: fraction('fatFraction').default(0),
    melanosomeFraction: fraction('melanosomeFraction').default(0),
    baselineMuaPerMm: z.number().min(0, 'must be ≥ 0').default(0),
    scattering: ScatteringSchema,
    g: z.number().gt(-1, 'must be > -1').lt(1, 'must be < 1'),
    n: z.number().min(1, 'must be ≥ 1'),
  })
  .superRefine((c, ctx) => {
    const total = c.bloodFraction + c.waterFraction + c.fatFraction + c.melanosomeFraction;
    if (total > 1 + 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['waterFraction'],
        message: `volume fractions bloodFraction + waterFraction + fatFraction + melanosomeFraction add up to ${+total.toFixed(4)} (> 1)`,
      });
    }
  });

export type Composition = z.infer<typeof CompositionSchema>;
export type Scattering = z.infer<typeof ScatteringSchema>;
