import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { getDetector } from '../../src/spectral/detectors.js';
import { coarsen, effectiveSpectrum, MAX_ENGINE_BINS } from '../../src/spectral/effective.js';
import { getFilter } from '../../src/spectral/filters.js';
import { getProbe } from '../../src/spectral/probes.js';
import { getWindow } from '../../src/spectral/windows.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('effective spectrum', () => {
  it('flat probe through an ideal band-pass: integral = band width × QE', () => {
    const flat = getProbe('flat:1000-1700');
    const ideal = effectiveSpectrum({ probe: flat, filter: getFilter('ideal:BP1300-1400') });
    expect(sum(ideal.weights)).toBeCloseTo(100, 9);
    expect(ideal.detectedIntegral).toBeCloseTo(100, 9);
    expect(ideal.detectedFraction).toBeCloseTo(100 / 700, 12);
    expect(ideal.passbandNm).toEqual([1300, 1400]);
    // InGaAs QE is 0.85 across 1300–1400 nm in the table.
    const withQe = effectiveSpectrum({ probe: flat, filter: getFilter('ideal:BP1300-1400'), detector: getDetector('ingaas') });
    expect(sum(withQe.weights)).toBeCloseTo(100 * 0.85, 9);
  });

  it('edges off the grid are still exact (breakpoints are inserted)', () => {
    const e = effectiveSpectrum({ probe: getProbe('flat:1000-1700'), filter: getFilter('ideal:BP1302-1397'), stepNm: 5 });
    expect(sum(e.weights)).toBeCloseTo(95, 9);
  });

  it('a window bounds the grid and, without a probe, the emitter is flat across it', () => {
    const e = effectiveSpectrum({ window: getWindow('NIR-IIa') });
    expect(e.wavelengthsNm[0]).toBe(1300);
    expect(e.wavelengthsNm[e.wavelengthsNm.length - 1]).toBe(1400);
    expect(sum(e.weights)).toBeCloseTo(100, 9);
    expect(e.detectedFraction).toBeCloseTo(1, 12);
    expect(e.notes.join('\n')).toMatch(/no probe given: the emitter is flat across 1300–1400 nm/);
  });

  it('detected fraction of a flat NIR-II emitter on InGaAs is the mean QE', () => {
    const e = effectiveSpectrum({ window: getWindow('NIR-II'), detector: getDetector('ingaas') });
    expect(e.detectedFraction).toBeGreaterThan(0.6);
    expect(e.detectedFraction).toBeLessThan(0.85);
    expect(e.passbandNm![0]).toBeLessThanOrEqual(1000);
    expect(e.passbandNm![1]).toBeGreaterThan(1600);
  });

  it('a longer long-pass detects less of Ag2S and at longer wavelengths', () => {
    const probe = getProbe('ag2s');
    const detector = getDetector('ingaas');
    const lp850 = effectiveSpectrum({ probe, detector, filter: getFilter('850LP') });
    const lp1250 = effectiveSpectrum({ probe, detector, filter: getFilter('1250LP') });
    expect(lp1250.detectedFraction).toBeLessThan(lp850.detectedFraction);
    expect(lp1250.meanWavelengthNm!).toBeGreaterThan(lp850.meanWavelengthNm!);
  });

  it('zero overlap: fraction 0, zero weights and a note, no division by zero', () => {
    const e = effectiveSpectrum({ probe: getProbe('er'), filter: getFilter('ideal:1200SP'), detector: getDetector('ingaas') });
    expect(e.detectedFraction).toBe(0);
    expect(e.weights.every((w) => w === 0)).toBe(true);
    expect(e.meanWavelengthNm).toBeNull();
    expect(e.notes.join('\n')).toMatch(/nothing detected: filter 1200SP × detector ingaas passes none of the emission of probe er/);
    expect(coarsen(e).weights).toEqual([]);
  });

  it('zero overlap of window and probe range: empty grid', () => {
    const e = effectiveSpectrum({ probe: getProbe('er'), window: getWindow('NIR-I') });
    expect(e).toMatchObject({ wavelengthsNm: [], weights: [], detectedFraction: 0 });
    expect(e.notes.join('\n')).toMatch(/nothing detected: probe er emits at/);
  });

  it('silicon sees nothing of a NIR-IIb emitter', () => {
    const e = effectiveSpectrum({ window: getWindow('NIR-IIb'), detector: getDetector('si') });
    expect(e.detectedFraction).toBe(0);
    expect(e.passbandNm).toBeNull();
  });

  it('reports out-of-band leakage through a real (OD 4) filter', () => {
    const e = effectiveSpectrum({ probe: getProbe('ag2s'), filter: getFilter('1500LP'), detector: getDetector('ingaas') });
    expect(e.detectedFraction).toBeGreaterThan(0);
    expect(e.detectedFraction).toBeLessThan(1e-3);
    expect(e.outOfBandFraction).toBeGreaterThan(0.9);
    expect(e.notes.join('\n')).toMatch(/out-of-band leakage through 1500LP \(OD 4\)/);
  });

  it('validates its options', () => {
    expect(() => effectiveSpectrum({})).toThrow(InputError);
    expect(() => effectiveSpectrum({ window: getWindow('NIR-II'), stepNm: 0 })).toThrow(/stepNm must be a number > 0/);
    expect(() => effectiveSpectrum({ rangeNm: [1200, 1100] })).toThrow(/rangeNm must be \[lo, hi\]/);
  });
});

describe('coarsen', () => {
  it('keeps the integral and the weight-mean wavelength in at most N bins', () => {
    const e = effectiveSpectrum({ probe: getProbe('icg'), filter: getFilter('850LP'), detector: getDetector('ingaas'), stepNm: 1 });
    expect(e.wavelengthsNm.length).toBeGreaterThan(MAX_ENGINE_BINS);
    const c = coarsen(e);
    expect(c.weights.length).toBeLessThanOrEqual(MAX_ENGINE_BINS);
    expect(sum(c.weights)).toBeCloseTo(sum(e.weights), 9);
    const mean = sum(c.weights.map((w, i) => w * c.wavelengthsNm[i])) / sum(c.weights);
    expect(mean).toBeCloseTo(e.meanWavelengthNm!, 6);
    expect(c.detectedFraction).toBe(e.detectedFraction);
    for (let i = 1; i < c.wavelengthsNm.length; i++) expect(c.wavelengthsNm[i]).toBeGreaterThan(c.wavelengthsNm[i - 1]);
    expect(coarsen(e, 8).weights.length).toBeLessThanOrEqual(8);
    expect(() => coarsen(e, 0)).toThrow(/nBins must be an integer ≥ 1/);
  });
});
