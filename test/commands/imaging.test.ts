import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nirwalk } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nirwalk-img-'));
const K = 4;

describe('nirwalk windows', () => {
  it('gives FWHM = 1.5328 × depth for a non-scattering, index-matched phantom (reference-values item 3)', async () => {
    const phantom = join(dir, 'clear.json');
    writeFileSync(phantom, JSON.stringify({ name: 'clear', layers: [{ name: 'water-clear', thicknessMm: null, muaPerMm: 0, musPerMm: 0, g: 0, n: 1 }] }));
    const out = join(dir, 'clear-out');
    const r = await nirwalk(['windows', phantom, '--depths', '1,2', '--windows', 'NIR-II', '--photons', '40000', '--fwhm-rel-error', '0.02', '--seed', '3', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, 'windows.json'), 'utf8'));
    const w = doc.windows[0];
    expect(w.name).toBe('NIR-II');
    expect(w.rangeNm).toEqual([1000, 1700]);
    for (const d of w.depths) {
      for (const f of ['depthMm', 'signal', 'signalStdErr', 'fwhmMm', 'fwhmStdErr', 'sbr']) expect(d, f).toHaveProperty(f);
      expect(Math.abs(d.fwhmMm - 1.5328 * d.depthMm)).toBeLessThan(K * d.fwhmStdErr);
      expect(d.fwhmStdErr / d.fwhmMm).toBeLessThan(0.025);
      // Half of the photons leave through the top (μa = 0, matched index): signal = 0.5 within 4σ.
      expect(Math.abs(d.signal - 0.5)).toBeLessThan(K * d.signalStdErr);
    }
    for (const f of ['windows.csv', 'report.html', 'fwhm.svg', 'signal.svg', 'sbr.svg', 'mtf.svg']) expect(existsSync(join(out, f)), f).toBe(true);
  });

  it('orders FWHM at 2 mm in the mouse hindlimb NIR-I > NIR-II > NIR-IIa, growing with depth', async () => {
    const out = join(dir, 'hindlimb');
    const r = await nirwalk(['windows', 'phantoms/mouse-hindlimb.json', '--depths', '1,2', '--windows', 'NIR-I,NIR-II,NIR-IIa', '--photons', '40000', '--fwhm-rel-error', '0.02', '--seed', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, 'windows.json'), 'utf8'));
    const at = (name: string, depthMm: number) => doc.windows.find((w: any) => w.name === name).depths.find((d: any) => d.depthMm === depthMm);
    const differs = (a: any, b: any) => a.fwhmMm - b.fwhmMm > 2 * Math.hypot(a.fwhmStdErr, b.fwhmStdErr);
    expect(differs(at('NIR-I', 2), at('NIR-II', 2))).toBe(true);
    expect(differs(at('NIR-II', 2), at('NIR-IIa', 2))).toBe(true);
    for (const name of ['NIR-I', 'NIR-II', 'NIR-IIa']) expect(differs(at(name, 2), at(name, 1))).toBe(true);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/sharper point image than/);
  });
});

describe('nirwalk filters', () => {
  it('seed-002: AuNCs under a 1 mm deep vessel on InGaAs — 1250LP is sharper and dimmer than 850LP', async () => {
    const out = join(dir, 'filters');
    const r = await nirwalk(['filters', 'phantoms/mouse-hindlimb.json', '--probe', 'au25-sg18', '--detector', 'ingaas', '--filters', '850LP,1250LP', '--depth', '1', '--photons', '50000', '--fwhm-rel-error', '0.015', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, 'filters.json'), 'utf8'));
    const f = (name: string) => doc.filters.find((x: any) => x.filter === name);
    // Independent runs: the difference must exceed 4 combined standard errors.
    expect(f('850LP').fwhmMm - f('1250LP').fwhmMm).toBeGreaterThan(K * Math.hypot(f('1250LP').fwhmStdErr, f('850LP').fwhmStdErr));
    expect(f('1250LP').signal).toBeLessThan(f('850LP').signal);
    expect(doc.conclusions.join(' ')).toMatch(/1250LP gives \d\.\d\d× \(± \d\.\d\d\) sharper vessels at 0\.\d+× the signal of 850LP/);
  });

  it('reports a filter that passes nothing of the probe instead of dividing by zero', async () => {
    const out = join(dir, 'filters-none');
    const r = await nirwalk(['filters', 'phantoms/mouse-hindlimb.json', '--probe', 'er', '--detector', 'ingaas', '--filters', '1500LP,ideal:BP800-900', '--depth', '1', '--photons', '3000', '--fwhm-rel-error', '0', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, 'filters.json'), 'utf8'));
    const none = doc.filters.find((x: any) => x.passesNothing);
    expect(none.filter).toMatch(/BP800-900/);
    expect(none.signal).toBe(0);
    expect(none.rank).toBeNull();
    expect(doc.filters.find((x: any) => x.filter === '1500LP').signal).toBeGreaterThan(0);
    expect(doc.conclusions.join(' ')).toMatch(/BP800-900 passes nothing of the er emission/);
  });

  it('lists the valid names for an unknown probe, filter or detector', async () => {
    const bad = await nirwalk(['filters', 'phantoms/mouse-hindlimb.json', '--probe', 'unobtainium', '--filters', '1000LP', '--depth', '1', '--out', join(dir, 'x')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/ag2s/);
    const badFilter = await nirwalk(['filters', 'phantoms/mouse-hindlimb.json', '--probe', 'ag2s', '--filters', 'greenish', '--depth', '1', '--out', join(dir, 'x')]);
    expect(badFilter.stderr).toMatch(/1250LP/);
    const badDet = await nirwalk(['filters', 'phantoms/mouse-hindlimb.json', '--probe', 'ag2s', '--filters', '1000LP', '--detector', 'eye', '--depth', '1', '--out', join(dir, 'x')]);
    expect(badDet.stderr).toMatch(/ingaas/);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
