import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { bloodMua } from '../../src/optics/blood.js';
import { fatMua } from '../../src/optics/fat.js';
import { aernoutsG, aernoutsMusPerCm, vanStaverenG, vanStaverenMusStockPerCm } from '../../src/optics/intralipid.js';
import { interpolateLinear } from '../../src/optics/interpolate.js';
import { melanosomeMuaPerMm } from '../../src/optics/melanosome.js';
import { salomatinaSpectra } from '../../src/optics/salomatina.js';
import { powerLawMusp, rayleighMieMusp } from '../../src/optics/scattering.js';
import type { EvalContext, OpticsNote } from '../../src/optics/spectrum.js';
import { perCmToPerMm } from '../../src/optics/units.js';
import { waterMua } from '../../src/optics/water.js';
import { dataPath } from '../../src/paths.js';

function context(allowExtrapolation = false): EvalContext & { notes: OpticsNote[] } {
  const notes: OpticsNote[] = [];
  return { allowExtrapolation, notes, note: (n) => notes.push(n) };
}

/** Rows of a data/optics CSV as objects of numbers (NaN for 'na'). */
function csvRows(file: string): Record<string, number>[] {
  const [header, ...lines] = readFileSync(dataPath('optics', file), 'utf8').trim().split('\n');
  const keys = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [keys[i], c === 'na' ? Number.NaN : Number(c)])));
}

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('unit conversion', () => {
  it('per cm → per mm divides by 10', () => {
    expect(perCmToPerMm(12.5)).toBe(1.25);
  });
});

describe('linear interpolation', () => {
  it('interpolates between and returns table values at nodes', () => {
    expect(interpolateLinear([1, 2, 4], [10, 20, 0], 3)).toBeCloseTo(10);
    expect(interpolateLinear([1, 2, 4], [10, 20, 0], 2)).toBe(20);
  });
});

describe('water absorption (Pope & Fry 1997 + Kou 1993)', () => {
  const perCm = (nm: number) => waterMua().at(nm, context()) * 10;
  it('matches the literature checkpoints in 1/cm', () => {
    expect(perCm(800)).toBeGreaterThan(0.019);
    expect(perCm(800)).toBeLessThan(0.024);
    expect(perCm(970)).toBeGreaterThanOrEqual(0.46);
    expect(perCm(970)).toBeLessThanOrEqual(0.48);
    expect(perCm(1200)).toBeGreaterThanOrEqual(1.2);
    expect(perCm(1200)).toBeLessThanOrEqual(1.3);
    expect(perCm(1450)).toBeGreaterThanOrEqual(30);
    expect(perCm(1450)).toBeLessThanOrEqual(33);
  });
  it('is returned in 1/mm (one tenth of the table value)', () => {
    expect(waterMua().at(800, context())).toBeCloseTo(0.0022462, 7);
    expect(waterMua().at(1450, context())).toBeGreaterThan(3.0);
    expect(waterMua().at(1450, context())).toBeLessThan(3.3);
  });
  it('has its peaks near 970, 1200 and 1450 nm', () => {
    const local = (lo: number, hi: number) => {
      let best = lo;
      for (let nm = lo; nm <= hi; nm++) if (perCm(nm) > perCm(best)) best = nm;
      return best;
    };
    expect(Math.abs(local(930, 1050) - 975)).toBeLessThan(15);
    expect(Math.abs(local(1150, 1250) - 1195)).toBeLessThan(15);
    expect(Math.abs(local(1400, 1500) - 1450)).toBeLessThan(15);
  });
  it('errors outside its table, naming the table and its range', () => {
    const e = thrown(() => waterMua().at(300, context()));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toContain('water_mua_merged_380_2500.csv');
    expect(e.message).toContain('380–2500 nm');
    expect(e.message).toContain('300 nm');
  });
});

describe('blood (Bosschaart 2014 whole blood)', () => {
  it('mixes oxy and deoxy by saturation', () => {
    expect(bloodMua(1).at(660, context()) * 10).toBeCloseTo(1.5, 5);
    expect(bloodMua(0).at(660, context()) * 10).toBeCloseTo(16.4, 5);
    expect(bloodMua(0.5).at(660, context()) * 10).toBeCloseTo(8.95, 5);
  });
  it('errors above 1995 nm naming the table', () => {
    const e = thrown(() => bloodMua(0.9).at(2100, context()));
    expect(e.message).toContain('blood_whole_bosschaart2014.csv');
    expect(e.message).toContain('251–1995 nm');
  });
});

describe('fat', () => {
  it('uses van Veen 2005 up to 1098 nm without notes', () => {
    const ctx = context();
    expect(fatMua().at(930, ctx) * 10).toBeCloseTo(0.131, 3);
    expect(ctx.notes).toEqual([]);
  });
  it('uses the UNCITED VTS spectrum above 1098 nm and says so', () => {
    const ctx = context();
    expect(fatMua().at(1210, ctx)).toBeGreaterThan(0);
    expect(ctx.notes).toHaveLength(1);
    expect(ctx.notes[0].kind).toBe('uncited');
    expect(ctx.notes[0].text).toContain('UNCITED');
  });
  it('errors beyond 1600 nm naming both tables and the range', () => {
    const e = thrown(() => fatMua().at(1700, context()));
    expect(e.message).toContain('fat_mua_vanveen2005.csv');
    expect(e.message).toContain('fat_mua_vts_1040_1600_UNCITED.csv');
    expect(e.message).toContain('429–1600 nm');
  });
});

describe('Salomatina 2006 layers', () => {
  it('reproduces the dermis checkpoints (1/cm)', () => {
    const { mua, musp } = salomatinaSpectra('dermis');
    expect(mua.at(800, context()) * 10).toBeCloseTo(1.22, 1);
    expect(musp.at(800, context()) * 10).toBeCloseTo(22.5, 0);
    expect(mua.at(1450, context()) * 10).toBeCloseTo(22.4, 0);
  });
  it('errors outside 370–1600 nm naming the file', () => {
    const e = thrown(() => salomatinaSpectra('epidermis').mua.at(1700, context()));
    expect(e.message).toContain('skin_epidermis_salomatina2006.csv');
    expect(e.message).toMatch(/369\.27–1602\.09 nm/);
  });
});

describe('formulas agree with the DERIVED tables evaluated from the same papers', () => {
  it('melanosome: Jacques 2013 eq. 8', () => {
    expect(melanosomeMuaPerMm(500)).toBeCloseTo(51.9, 10);
    for (const r of csvRows('melanosome_mua_formulas_DERIVED.csv')) {
      expect(melanosomeMuaPerMm(r.wavelength_nm) * 10).toBeCloseTo(r.mua_jacques2013_m3_per_cm, 1);
    }
  });
  it('Jacques 2013 eq. 1 and 2 with the Table 2 means', () => {
    const means = csvRows('jacques2013_table2_musp_tissue_means.csv');
    const names = readFileSync(dataPath('optics', 'jacques2013_table2_musp_tissue_means.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    for (const r of csvRows('jacques2013_musp_curves_400_2000_DERIVED.csv')) {
      means.forEach((m, i) => {
        const eq1 = powerLawMusp(m.a_per_cm, m.b, r.wavelength_nm);
        const eq2 = rayleighMieMusp(m.a_prime_per_cm, m.f_Ray, m.b_Mie, r.wavelength_nm);
        expect(eq1).toBeCloseTo(r[`musp_eq1_${names[i]}_per_cm`], 2);
        expect(eq2).toBeCloseTo(r[`musp_eq2_${names[i]}_per_cm`], 2);
      });
    }
  });
  it('Intralipid-20%: Aernouts 2014 μs and Aernouts 2013 g', () => {
    for (const r of csvRows('intralipid20_aernouts2014_DERIVED.csv')) {
      expect(aernoutsG(r.wavelength_nm)).toBeCloseTo(r.g_aernouts2013, 5);
      for (const c of [1, 2, 5, 10, 20, 50, 100]) {
        expect(aernoutsMusPerCm(c, r.wavelength_nm) / r[`mus_IL20_${c}pct_per_cm`]).toBeCloseTo(1, 4);
      }
    }
  });
  it('Intralipid-10%: van Staveren 1991', () => {
    for (const r of csvRows('intralipid10_vanstaveren1991_DERIVED.csv')) {
      expect(vanStaverenMusStockPerCm(r.wavelength_nm) / r.mus_IL10_stock_per_cm).toBeCloseTo(1, 4);
      expect(vanStaverenG(r.wavelength_nm)).toBeCloseTo(r.g, 4);
    }
  });
});
