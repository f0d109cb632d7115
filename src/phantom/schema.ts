import { z } from 'zod';
import { CompositionSchema } from './compositionSchema.js';

/** A value that is either a constant or a spectrum [[wavelengthNm, value], ...] (ascending nm). */
function spectral(check: (v: number) => string | null) {
  const value = z.number({ error: 'must be a number' }).refine((v) => Number.isFinite(v), 'must be finite');
  const point = z.tuple([z.number().positive('wavelength must be > 0 nm'), value]);
  return z.union([value, z.array(point).min(2, 'a spectrum needs at least two [nm, value] points')]).superRefine((v, ctx) => {
    const values = typeof v === 'number' ? [v] : v.map((p) => p[1]);
    for (const x of values) {
      const problem = check(x);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: `${problem} (got ${x})` });
        return;
      }
    }
    if (Array.isArray(v)) {
      for (let i = 1; i < v.length; i++) {
        if (!(v[i][0] > v[i - 1][0])) {
          ctx.addIssue({ code: 'custom', message: `spectrum wavelengths must increase (${v[i - 1][0]} nm then ${v[i][0]} nm)` });
          return;
        }
      }
    }
  });
}

export const SpectralValueSchema = spectral(() => null);
const nonNegative = spectral((x) => (x < 0 ? 'must be ≥ 0' : null));
const anisotropy = spectral((x) => (x <= -1 || x >= 1 ? 'g must satisfy -1 < g < 1' : null));
const refractiveIndex = spectral((x) => (x < 1 ? 'refractive index must be ≥ 1' : null));

export const LayerSchema = z
  .strictObject({
    name: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
    description: z.string().optional(),
    thicknessMm: z
      .number({ error: 'must be a number in mm, or null for a semi-infinite last layer' })
      .positive('must be > 0 mm')
      .finite('must be finite')
      .nullable(),
    tissue: z.string().min(1).optional(),
    composition: CompositionSchema.optional(),
    muaPerMm: nonNegative.optional(),
    musPerMm: nonNegative.optional(),
    musPrimePerMm: nonNegative.optional(),
    g: anisotropy.optional(),
    n: refractiveIndex.optional(),
  })
  .superRefine((layer, ctx) => {
    if (layer.tissue !== undefined && layer.composition !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['tissue'], message: 'give either "tissue" or "composition", not both' });
    }
    if (layer.musPerMm !== undefined && layer.musPrimePerMm !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['musPrimePerMm'], message: 'give either musPerMm or musPrimePerMm, not both' });
    }
    if (layer.tissue === undefined && layer.composition === undefined) {
      for (const field of ['muaPerMm', 'g', 'n'] as const) {
        if (layer[field] === undefined) {
          ctx.addIssue({ code: 'custom', path: [field], message: 'is required (or give "tissue" or "composition")' });
        }
      }
      if (layer.musPerMm === undefined && layer.musPrimePerMm === undefined) {
        ctx.addIssue({ code: 'custom', path: ['musPerMm'], message: 'is required (or musPrimePerMm, "tissue" or "composition")' });
      }
    }
  });

const MediumSchema = z.strictObject({ n: z.number({ error: 'must be a number' }).min(1, 'refractive index must be ≥ 1') });

const vec3 = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()], { error: 'must be [xMm, yMm, zMm]' });

export const SourceSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('pencil') }),
    z.strictObject({ type: z.literal('isotropic'), positionMm: vec3 }),
    z.strictObject({
      type: z.literal('line'),
      /** A vessel: uniform isotropic emission along y over lengthMm, inside a cylinder of radiusMm centred at (xMm, depthMm). */
      depthMm: z.number().positive('must be > 0 mm'),
      xMm: z.number().finite().default(0),
      lengthMm: z.number().positive('must be > 0 mm').default(20),
      radiusMm: z.number().min(0, 'must be ≥ 0 mm').default(0),
    }),
  ],
  { error: 'source.type must be one of "pencil", "isotropic", "line"' },
);

export const PhantomSchema = z
  .strictObject({
    name: z.string({ error: 'must be a string' }).min(1, 'must not be empty'),
    description: z.string().optional(),
    citations: z.array(z.string()).optional(),
    /** Opt in to evaluating fitted scattering laws beyond their fitted range (each use is noted in outputs). */
    allowExtrapolation: z.boolean({ error: 'must be true or false' }).optional(),
    ambient: MediumSchema.default({ n: 1 }),
    below: MediumSchema.default({ n: 1 }),
    layers: z.array(LayerSchema, { error: 'must be an array of layers' }).min(1, 'needs at least one layer'),
    source: SourceSchema.default({ type: 'pencil' }),
  })
  .superRefine((p, ctx) => {
    p.layers.forEach((layer, i) => {
      if (layer.thicknessMm === null && i !== p.layers.length - 1) {
        ctx.addIssue({ code: 'custom', path: ['layers', i, 'thicknessMm'], message: 'only the last layer may be semi-infinite (null)' });
      }
    });
    const total = p.layers.reduce((sum, l) => sum + (l.thicknessMm ?? Infinity), 0);
    const s = p.source;
    if (s.type === 'isotropic') {
      const z = s.positionMm[2];
      if (!(z > 0 && z < total)) {
        ctx.addIssue({
          code: 'custom',
          path: ['source', 'positionMm', 2],
          message: `source depth z = ${z} mm is outside the tissue (0 < z < ${total} mm)`,
        });
      }
    }
    if (s.type === 'line' && !(s.depthMm - s.radiusMm > 0 && s.depthMm + s.radiusMm < total)) {
      ctx.addIssue({
        code: 'custom',
        path: ['source', 'depthMm'],
        message: `vessel (depth ${s.depthMm} mm, radius ${s.radiusMm} mm) is not inside the tissue (0 to ${total} mm)`,
      });
    }
  });

export type PhantomInput = z.input<typeof PhantomSchema>;
export type Phantom = z.output<typeof PhantomSchema>;
export type LayerSpec = z.output<typeof LayerSchema>;
export type SourceSpec = z.output<typeof SourceSchema>;
export type SpectralValue = z.output<typeof SpectralValueSchema>;
