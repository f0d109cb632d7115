import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseSpectrumCsv } from '../../src/spectral/csv.js';
import { effectiveSpectrum } from '../../src/spectral/effective.js';
import { getProbe, listProbes, probeNames, type Probe } from '../../src/spectral/probes.js';

function argmax(p: Probe, [lo, hi]: [number, number] = p.rangeNm): number {
  let best = -1;
  let at = lo;
  for (let x = lo; x <= hi; x += 0.5) {
    const v = p.emission(x);
    if (v > best) {
      best = v;
      at = x;
    }
  }
  return at;
}

function integral(p: Probe, lo: number, hi: number): number {
  let s = 0;
  for (let x = lo; x <= hi; x += 0.5) s += p.emission(x) * 0.5;
  return s;
}

describe('probe catalogue', () => {
  it('has the requested probes, each with a citation or an illustrative label', () => {
    expect(probeNames()).toEqual(
      expect.arrayContaining(['cds-aunc', 'au25-sg18', 'au44-mba26', 'au25-rod', 'ag2s', 'pbs-1300', 'pbs-1600', 'nd', 'er', 'icg', 'flat']),
    );
    for (const p of listProbes()) {
      expect(p.citation.length).toBeGreaterThan(10);
      expect(p.rangeNm[1]).toBeGreaterThan(p.rangeNm[0]);
      expect(p.emission(p.rangeNm[0] - 1)).toBe(0);
      expect(p.emission(p.rangeNm[1] + 1)).toBe(0);
    }
  });

  it('single-band probes peak within a few nm of the stated wavelength', () => {
    const expected: Record<string, number> = {
      'cds-aunc': 1050,
      'au25-rod': 1520,
      ag2s: 1058,
      'pbs-1300': 1300,
      'pbs-1600': 1600,
      er: 1540,
      icg: 820,
      nd: 1064,
    };
    for (const [name, peakNm] of Object.entries(expected)) {
      const p = getProbe(name);
      expect(Math.abs(argmax(p) - peakNm), name).toBeLessThan(15);
      expect(p.emission(argmax(p))).toBeCloseTo(1, 2);
    }
  });

  it('Au44MBA26 has two maxima near 1080 and 1280 nm', () => {
    const p = getProbe('au44-mba26');
    expect(Math.abs(argmax(p, [1000, 1180]) - 1080)).toBeLessThan(15);
    expect(Math.abs(argmax(p, [1180, 1400]) - 1280)).toBeLessThan(15);
    expect(p.emission(1180)).toBeLessThan(p.emission(1080));
  });

  it('Nd³⁺ lines carry integrated intensities ≈ 0.54 : 1 : 0.25 (880 : 1064 : 1340)', () => {
    const p = getProbe('nd');
    const main = integral(p, 1000, 1130);
    expect(integral(p, 820, 960) / main).toBeCloseTo(0.54, 1);
    expect(integral(p, 1250, 1420) / main).toBeCloseTo(0.25, 1);
  });

  it('ICG has a NIR-I peak and a small NIR-II tail', () => {
    const icg = getProbe('icg');
    expect(icg.excitationNm).toBe(785);
    expect(icg.emission(1300)).toBeGreaterThan(0);
    expect(icg.emission(1300)).toBeLessThan(0.01);
    const beyond1000 = effectiveSpectrum({ probe: icg, rangeNm: [1000, 1700] }).detectedFraction;
    expect(beyond1000).toBeGreaterThan(0.005);
    expect(beyond1000).toBeLessThan(0.1);
  });

  it('flat probes: default and flat:<lo>-<hi>', () => {
    expect(getProbe('flat').rangeNm).toEqual([700, 1700]);
    const f = getProbe('flat:1000-1300');
    expect(f.emission(999)).toBe(0);
    expect(f.emission(1000)).toBe(1);
    expect(f.emission(1300)).toBe(1);
    expect(() => getProbe('flat:1300-1000')).toThrow(/0 < lo < hi/);
    expect(() => getProbe('flat:abc')).toThrow(/flat:<lo>-<hi>/);
  });

  it('lists the valid names for an unknown probe', () => {
    expect(() => getProbe('quantum-unicorn')).toThrow(InputError);
    expect(() => getProbe('quantum-unicorn')).toThrow(
      /probe: unknown name "quantum-unicorn"; valid names: cds-aunc, .*icg, flat; also accepted: flat:<lo>-<hi>.*\.csv/,
    );
  });
});

describe('CSV spectra', () => {
  const opts = { label: 'spec.csv', valueColumn: 'intensity' };

  it('parses a spectrum with comments, blank lines and CRLF endings', () => {
    const s = parseSpectrumCsv('\uFEFF# my probe\r\nwavelength_nm,intensity\r\n1000,0\r\n\r\n1100, 2\r\n1200,1\r\n', opts);
    expect(s).toEqual({ wavelengthsNm: [1000, 1100, 1200], values: [0, 2, 1] });
  });

  it('reports bad rows with their line numbers', () => {
    expect(() => parseSpectrumCsv('wavelength,intensity\n1000,1\n1100,2\n', opts)).toThrow(
      /spec\.csv: line 1: header must be "wavelength_nm,intensity"/,
    );
    expect(() => parseSpectrumCsv('wavelength_nm,intensity\n1000,1\n1100,abc\n', opts)).toThrow(
      /spec\.csv: line 3: intensity must be a number ≥ 0, got "abc"/,
    );
    expect(() => parseSpectrumCsv('wavelength_nm,intensity\n1000,1\n1100,-2\n', opts)).toThrow(/line 3: intensity must be a number ≥ 0/);
    expect(() => parseSpectrumCsv('wavelength_nm,intensity\n1000,1\n\nx,2\n', opts)).toThrow(/line 4: wavelength_nm must be a positive number/);
    expect(() => parseSpectrumCsv('wavelength_nm,intensity\n1000,1\n1000,2\n', opts)).toThrow(/line 3: wavelength_nm must increase/);
    expect(() => parseSpectrumCsv('wavelength_nm,intensity\n1000,1,3\n', opts)).toThrow(/line 2: expected 2 comma-separated columns/);
    expect(() => parseSpectrumCsv('wavelength_nm,intensity\n1000,1\n', opts)).toThrow(/at least 2 data rows/);
    expect(() => parseSpectrumCsv('wavelength_nm,intensity\n1000,0\n1100,0\n', opts)).toThrow(/every intensity value is 0/);
    expect(() => parseSpectrumCsv('', opts)).toThrow(/empty file/);
    expect(() => parseSpectrumCsv('wavelength_nm,qe\n1000,0.5\n1100,1.2\n', { label: 'q.csv', valueColumn: 'qe', maxValue: 1 })).toThrow(
      /line 3: qe must be ≤ 1/,
    );
  });

  it('getProbe reads a CSV file and interpolates it, zero outside', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nirwalk-spectral-'));
    const path = join(dir, 'my-probe.csv');
    writeFileSync(path, 'wavelength_nm,intensity\n1000,0\n1100,4\n1200,0\n');
    const p = getProbe(path);
    expect(p.name).toBe('my-probe.csv');
    expect(p.kind).toBe('tabulated');
    expect(p.rangeNm).toEqual([1000, 1200]);
    expect(p.emission(1050)).toBeCloseTo(0.5, 12);
    expect(p.emission(1100)).toBe(1);
    expect(p.emission(1300)).toBe(0);
    const e = effectiveSpectrum({ probe: p });
    expect(e.emittedIntegral).toBeCloseTo(100, 9);
  });

  it('names the file when a CSV probe cannot be read or parsed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nirwalk-spectral-'));
    expect(() => getProbe(join(dir, 'missing.csv'))).toThrow(/cannot read .*missing\.csv: ENOENT/);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'wavelength_nm,intensity\n1000,1\n1100,oops\n');
    expect(() => getProbe(bad)).toThrow(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 3`));
  });
});
