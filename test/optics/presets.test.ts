import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listTissuePresets, resolveLayerOptics } from '../../src/optics/index.js';
import { table2Eq2, table3Fraction } from '../../src/optics/jacquesTables.js';
import { buildPreset } from '../../src/optics/presets.js';
import { JACQUES_FIT_RANGE_NM, muspSpectrum } from '../../src/optics/scattering.js';
import { dataPath } from '../../src/paths.js';

const layer = (tissue: string) => ({ name: tissue, tissue, thicknessMm: 1 });

const TABLE2 = readFileSync(dataPath('optics', 'jacques2013_table2_musp_tissue_means.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));

describe('Jacques 2013 Table 2 scattering', () => {
  it.each(TABLE2.map((r) => [r[0], Number(r[3])]))("μs′(500 nm) of '%s' equals a′ = %s /cm", (tissue, aPrimePerCm) => {
    const law = table2Eq2(tissue as string).value;
    const ctx = { allowExtrapolation: false, note: () => {} };
    const muspPerMm = muspSpectrum(law, JACQUES_FIT_RANGE_NM, 'test').at(500, ctx);
    expect(muspPerMm).toBeCloseTo((aPrimePerCm as number) / 10, 10);
  });

  it('presets built on Table 2 give μs′(500 nm) = a′', () => {
    const at500 = (t: string) => {
      const o = resolveLayerOptics(layer(t), 500).optics;
      return o.musPerMm * (1 - o.g);
    };
    expect(at500('dermis')).toBeCloseTo(4.8, 10);
    expect(at500('gray-matter')).toBeCloseTo(2.74, 10);
    expect(at500('skull')).toBeCloseTo(1.53, 10);
    expect(at500('breast')).toBeCloseTo(1.87, 10);
    expect(at500('subcutaneous-fat')).toBeCloseTo(1.93, 10);
  });
});

describe('preset parameters come from the cited tables', () => {
  it('muscle blood and saturation are Table 3 row 17 (Matcher 1997, calf)', () => {
    expect(table3Fraction([17], 'B').value).toBeCloseTo(0.0361, 10);
    expect(table3Fraction([17], 'S').value).toBeCloseTo(0.69, 10);
    const citations = listTissuePresets().find((p) => p.name === 'muscle')!.citations.join('\n');
    expect(citations).toContain('Table 3 (row 17: Calf; Matcher et al 1997)');
    expect(citations).toContain('Table 1 row 29: Muscle; Tromberg 1996');
  });
  it('dermis takes B, S, W, F, M from Table 3 row 8 (Choudhury 2010)', () => {
    const citations = listTissuePresets().find((p) => p.name === 'dermis')!.citations;
    for (const symbol of ['B (', 'S (', 'W (', 'F (', 'M (']) {
      expect(citations.find((c) => c.startsWith(symbol))).toContain('row 8: Dermis; Choudhury et al 2010');
    }
  });
  it('breast is the mean of Table 3 rows 1, 2, 4, 5', () => {
    expect(table3Fraction([1, 2, 4, 5], 'F').value).toBeCloseTo((65.6 + 51.7 + 74.0 + 58.0) / 400, 10);
  });
  it('cleans up the split Tseng 2011 rows', () => {
    expect(table3Fraction([11], 'W').source).toContain('Skin I–II, 600–1000 nm; Tseng et al 2011');
  });
});

describe('preset list', () => {
  const list = listTissuePresets();
  it('covers the required tissues', () => {
    const names = list.map((p) => p.name);
    for (const n of [
      'epidermis',
      'dermis',
      'subcutaneous-fat',
      'muscle',
      'skull',
      'gray-matter',
      'white-matter',
      'blood',
      'liver',
      'water',
      'intralipid:<c>%',
      'epidermis-salomatina',
      'dermis-salomatina',
      'hypodermis-salomatina',
    ]) {
      expect(names).toContain(n);
    }
  });
  it('gives every preset a range, a description and a source for every parameter', () => {
    for (const p of list) {
      expect(p.rangeNm[0]).toBeLessThan(p.rangeNm[1]);
      expect(p.description.length).toBeGreaterThan(5);
      expect(p.citations.length).toBeGreaterThan(1);
      for (const c of p.citations) expect(c).toMatch(/: |\(\d{4}\)/);
    }
  });
  it('Jacques-based presets are limited to the fitted 400–1300 nm; Salomatina reaches 1600 nm', () => {
    expect(list.find((p) => p.name === 'muscle')!.rangeNm).toEqual([400, 1300]);
    expect(list.find((p) => p.name === 'dermis-salomatina')!.rangeNm[1]).toBeGreaterThan(1600);
  });
  it('resolves every preset across its range', () => {
    for (const p of list) {
      const name = p.name.replace('<c>', '2');
      for (const nm of [p.rangeNm[0], (p.rangeNm[0] + p.rangeNm[1]) / 2, p.rangeNm[1]]) {
        const o = resolveLayerOptics(layer(name), nm).optics;
        expect(o.muaPerMm).toBeGreaterThanOrEqual(0);
        expect(o.musPerMm).toBeGreaterThanOrEqual(0);
        expect(o.n).toBeGreaterThanOrEqual(1.33);
      }
    }
  });
});

describe('preset names', () => {
  it('accepts aliases and is case-insensitive', () => {
    expect(buildPreset('Hypodermis').preset.name).toBe('subcutaneous-fat');
    expect(buildPreset('bone').preset.name).toBe('skull');
  });
  it('lists the valid presets for an unknown name, naming the layer', () => {
    expect(() => resolveLayerOptics(layer('musle'), 800)).toThrow(
      /layer 'musle': unknown tissue 'musle'; valid presets: epidermis, dermis,.*muscle \(skeletal-muscle\).*intralipid:<c>%/,
    );
  });
  it('rejects out-of-range Intralipid concentrations', () => {
    expect(() => buildPreset('intralipid:30%')).toThrow(/≤ 20%/);
    expect(() => buildPreset('intralipid20:0%')).toThrow(/> 0%/);
  });
});

describe('Intralipid concentration convention', () => {
  const musp = (t: string, nm: number) => {
    const o = resolveLayerOptics(layer(t), nm).optics;
    return o.musPerMm * (1 - o.g);
  };
  it('intralipid:1% (1% lipid) equals Intralipid-20% at 5% v/v', () => {
    expect(musp('intralipid:1%', 800)).toBeCloseTo(musp('intralipid20:5%', 800), 12);
  });
  it('gives the classic μs′ ≈ 1/mm for 1% lipid near 800 nm, in both models', () => {
    expect(musp('intralipid:1%', 800)).toBeGreaterThan(0.9);
    expect(musp('intralipid:1%', 800)).toBeLessThan(1.1);
    expect(musp('intralipid10:10%', 800)).toBeGreaterThan(0.9);
    expect(musp('intralipid10:10%', 800)).toBeLessThan(1.1);
  });
  it('absorbs like water at 99% water', () => {
    const o = resolveLayerOptics(layer('intralipid:1%'), 1064).optics;
    const water = resolveLayerOptics(layer('water'), 1064).optics;
    expect(o.muaPerMm / water.muaPerMm).toBeGreaterThan(0.98);
    expect(o.muaPerMm / water.muaPerMm).toBeLessThan(1.0);
  });
});

describe('whole blood preset', () => {
  it('uses the Bosschaart μs and g directly', () => {
    const o = resolveLayerOptics(layer('blood'), 800).optics;
    expect(o.musPerMm).toBeCloseTo(76.73, 6);
    expect(o.g).toBeCloseTo(0.9833, 10);
    expect(o.muaPerMm).toBeCloseTo(0.38, 10);
  });
});
