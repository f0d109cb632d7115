import { InputError } from '../errors.js';
import { interpolateLinear } from './interpolate.js';
import { formatRange, inRange, intersectRanges, type RangeNm } from './range.js';

export type NoteKind = 'extrapolated' | 'uncited' | 'caveat';

export interface OpticsNote {
  kind: NoteKind;
  text: string;
}

export interface EvalContext {
  allowExtrapolation: boolean;
  note(note: OpticsNote): void;
}

/** A wavelength-dependent quantity in engine units (1/mm for coefficients). */
export interface Spectrum {
  /** Wavelengths at which `at` succeeds; null when the value is the same at every wavelength. */
  rangeNm(allowExtrapolation: boolean): RangeNm | null;
  at(wavelengthNm: number, ctx: EvalContext): number;
}

export function constantSpectrum(value: number): Spectrum {
  return { rangeNm: () => null, at: () => value };
}

/** Tabulated values, linearly interpolated; outside the table is an error naming `what` and its range. */
export function sampledSpectrum(wavelengthsNm: ArrayLike<number>, values: ArrayLike<number>, what: string): Spectrum {
  const range: RangeNm = [wavelengthsNm[0], wavelengthsNm[wavelengthsNm.length - 1]];
  return {
    rangeNm: () => range,
    at(wavelengthNm) {
      if (!inRange(range, wavelengthNm)) {
        throw new InputError(`${what} covers ${formatRange(range)}; ${wavelengthNm} nm is outside it`);
      }
      return interpolateLinear(wavelengthsNm, values, wavelengthNm);
    },
  };
}

export interface FormulaOptions {
  /** Range the formula was fitted to; outside it needs allowExtrapolation. null = no limit. */
  fittedRangeNm: RangeNm | null;
  /** Hard limit even with allowExtrapolation (defaults to unbounded). */
  hardRangeNm?: RangeNm;
  what: string;
}

/** A closed-form expression with a fitted range: evaluating outside it is extrapolation and is flagged. */
export function formulaSpectrum(f: (wavelengthNm: number) => number, o: FormulaOptions): Spectrum {
  const hard: RangeNm = o.hardRangeNm ?? [0, Infinity];
  return {
    rangeNm: (allowExtrapolation) => (allowExtrapolation || o.fittedRangeNm === null ? hard : intersectRanges([hard, o.fittedRangeNm])),
    at(wavelengthNm, ctx) {
      if (!inRange(hard, wavelengthNm)) {
        throw new InputError(`${o.what} is defined for ${formatRange(hard)}; ${wavelengthNm} nm is outside it`);
      }
      const fitted = o.fittedRangeNm;
      if (fitted !== null && !inRange(fitted, wavelengthNm)) {
        if (!ctx.allowExtrapolation) {
          throw new InputError(
            `${o.what} is fitted for ${formatRange(fitted)}; ${wavelengthNm} nm would extrapolate it ` +
              `(allow this explicitly with --allow-extrapolation / allowExtrapolation: true)`,
          );
        }
        ctx.note({ kind: 'extrapolated', text: `${o.what} is extrapolated outside its fitted ${formatRange(fitted)}` });
      }
      return f(wavelengthNm);
    },
  };
}

export interface WeightedTerm {
  weight: number;
  spectrum: Spectrum;
}

/** Σ weight·spectrum; zero-weight terms are skipped, so they neither constrain the range nor need data. */
export function weightedSum(terms: readonly WeightedTerm[]): Spectrum {
  const used = terms.filter((t) => t.weight !== 0);
  return {
    rangeNm: (allow) => intersectRanges(used.map((t) => t.spectrum.rangeNm(allow))),
    at(wavelengthNm, ctx) {
      let sum = 0;
      for (const t of used) sum += t.weight * t.spectrum.at(wavelengthNm, ctx);
      return sum;
    },
  };
}
