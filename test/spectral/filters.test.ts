import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { FILTER_DEFAULTS, FILTER_PRESETS, getFilter, listFilters, makeFilter } from '../../src/spectral/filters.js';

describe('filters', () => {
  it('long-pass: in-band, out-of-band and edge midpoint', () => {
    const f = getFilter('1250LP');
    expect(f.kind).toBe('longpass');
    expect(f.transmission(1400)).toBeCloseTo(0.9, 6);
    expect(f.transmission(1000)).toBeCloseTo(1e-4, 8);
    expect(f.transmission(1250)).toBeCloseTo((0.9 + 1e-4) / 2, 8);
    expect(f.inBand(1300)).toBe(true);
    expect(f.inBand(1200)).toBe(false);
  });

  it('edge width is the 10–90 % width of the edge', () => {
    const f = makeFilter({ kind: 'longpass', edgesNm: [1000], edgeWidthNm: 20, opticalDensity: Infinity, inBandTransmission: 1 });
    expect(f.transmission(990)).toBeCloseTo(0.1, 6);
    expect(f.transmission(1010)).toBeCloseTo(0.9, 6);
  });

  it('default edge width is 1 % of the edge wavelength', () => {
    expect(getFilter('1500LP').edgeWidthNm).toBeCloseTo(1500 * FILTER_DEFAULTS.edgeWidthFraction, 9);
  });

  it('short-pass and band-pass', () => {
    const sp = getFilter('900SP');
    expect(sp.transmission(800)).toBeCloseTo(0.9, 6);
    expect(sp.transmission(1000)).toBeCloseTo(1e-4, 8);
    expect(sp.transmission(900)).toBeCloseTo((0.9 + 1e-4) / 2, 8);
    const bp = getFilter('BP1300-1400');
    expect(bp.transmission(1350)).toBeCloseTo(0.9, 4);
    expect(bp.transmission(1200)).toBeCloseTo(1e-4, 8);
    expect(bp.transmission(1500)).toBeCloseTo(1e-4, 8);
    expect(bp.transmission(1300)).toBeCloseTo((0.9 + 1e-4) / 2, 3);
  });

  it('ideal filters are steps with no leakage, T = 0.5 exactly at the edge', () => {
    const f = getFilter('ideal:BP1000-1100');
    expect(f.transmission(999.9)).toBe(0);
    expect(f.transmission(1000)).toBe(0.5);
    expect(f.transmission(1050)).toBe(1);
    expect(f.transmission(1100.1)).toBe(0);
  });

  it('accepts every preset, the en dash and ad-hoc names', () => {
    expect(listFilters().map((f) => f.name)).toEqual([...FILTER_PRESETS]);
    expect(getFilter('BP1300–1400').name).toBe('BP1300-1400');
    expect(getFilter('1150lp').name).toBe('1150LP');
    expect(getFilter('BP1000-1100').edgesNm).toEqual([1000, 1100]);
    expect(getFilter('none').transmission(500)).toBe(1);
  });

  it('lists the valid names for an unknown filter', () => {
    expect(() => getFilter('1250XP')).toThrow(InputError);
    expect(() => getFilter('1250XP')).toThrow(/filter: unknown name "1250XP"; valid names: 850LP, 1000LP, .*BP1500-1700, none; also accepted: <nm>LP/);
  });

  it('rejects bad parameters naming the field', () => {
    expect(() => getFilter('BP1400-1300')).toThrow(/lower edge must be below the upper edge/);
    expect(() => getFilter('1000LP', { opticalDensity: -1 })).toThrow(/opticalDensity must be > 0/);
    expect(() => getFilter('1000LP', { inBandTransmission: 1.5 })).toThrow(/inBandTransmission must be in \(0, 1\]/);
    expect(() => getFilter('1000LP', { edgeWidthNm: -3 })).toThrow(/edgeWidthNm must be a number ≥ 0/);
  });
});
