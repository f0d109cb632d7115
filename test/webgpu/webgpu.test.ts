// The webgpu backend running the real kernel (npm run test:webgpu: Dawn on SwiftShader in CI, or any
// adapter). Never skipped: when no adapter is found, createBackend('webgpu') throws and every test fails.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/engine/backends/backend.js';
import { CpuBackend } from '../../src/engine/backends/cpu.js';
import { createBackend } from '../../src/engine/backends/registry.js';
import { buildProblem } from '../../src/engine/problem.js';
import { JACKKNIFE_GROUPS, simulatePointEmitter } from '../../src/imaging/emitter.js';
import { nirwalk } from '../support/cli.js';
import { explicitPhantom, opticsOf, runExit } from '../support/engine.js';
import { batchChi2, batchObservables, chi2Quantile, coincidentRecords, runRecords } from '../support/streamChecks.js';

const K = 4;
let gpu: Backend;
let cpu: Backend;
const dir = mkdtempSync(join(tmpdir(), 'nirwalk-webgpu-'));

beforeAll(async () => {
  gpu = await createBackend('webgpu');
  cpu = new CpuBackend(2);
});
afterAll(async () => {
  await gpu?.close();
  await cpu?.close();
});

const layered = explicitPhantom(
  [
    [0.5, 0.09, 6, 0.9, 1.4],
    [1, 0.1, 7, 0.9, 1.44],
    [2, 0.12, 5, 0.9, 1.37],
  ],
  { below: { n: 1.0 } },
);

describe('webgpu backend: physics', () => {
  it('runs on a named adapter and draws the same Philox streams as the cpu backend', async () => {
    expect(gpu.name).toBe('webgpu');
    expect(gpu.adapter?.description ?? '').not.toBe('');
    const slab = explicitPhantom([[0.2, 1, 9, 0.75, 1]]);
    const problem = buildProblem(slab, [opticsOf(slab)]);
    const a = await runRecords(problem, gpu, 4000, 1500, 8);
    const b = await runRecords(problem, cpu, 4000, 1000, 8);
    // Same draws, f32 on the GPU and f64 on the cpu: short walks end in the same place.
    let same = 0;
    for (let i = 0; i < 4000; i++) {
      let ok = true;
      for (let k = 0; k < 4; k++) if (Math.abs(a.records[i * 4 + k] - b.records[i * 4 + k]) > 1e-3 * (1 + Math.abs(b.records[i * 4 + k]))) ok = false;
      if (ok) same++;
    }
    expect(same / 4000).toBeGreaterThan(0.95);
  });

  it('reproduces the van de Hulst slab (Rd 0.09739, Tt 0.66096) within 4σ, uneven batches', async () => {
    const slab = explicitPhantom([[0.2, 1, 9, 0.75, 1]]);
    const { tally, info } = await runExit(slab, { photons: 150_000, seed: 31, run: { backendInstance: gpu, batchPhotons: 65_536 } as any });
    const s = tally.summary();
    expect(info.backend).toBe('webgpu');
    expect(info.batchesDone).toBe(3);
    expect(Math.abs(s.diffuseReflectance - 0.09739)).toBeLessThan(K * s.diffuseReflectanceStdErr);
    expect(Math.abs(s.transmittance - 0.66096)).toBeLessThan(K * s.transmittanceStdErr);
  });

  it('agrees with the cpu backend (independent seeds) on a 3-layer slab with index mismatch within 4σ', async () => {
    const g = (await runExit(layered, { photons: 20_000, seed: 101, run: { backendInstance: gpu, batchPhotons: 7000 } as any })).tally.summary();
    const c = (await runExit(layered, { photons: 20_000, seed: 202, run: { backendInstance: cpu } as any })).tally.summary();
    for (const [v, e] of [
      ['diffuseReflectance', 'diffuseReflectanceStdErr'],
      ['transmittance', 'transmittanceStdErr'],
      ['absorbed', 'absorbedStdErr'],
    ] as const) {
      expect(Math.abs(g[v] - c[v]), v).toBeLessThan(K * Math.hypot(g[e], c[e]));
    }
    expect(g.transmittance).toBeGreaterThan(0.01);
  });
});

describe('webgpu backend: random streams', () => {
  const trap = explicitPhantom([[3, 0.001, 25, 0, 1.4]]);

  it('never repeats a photon and gives identical records for any batch size', async () => {
    const problem = buildProblem(layered, [opticsOf(layered)]);
    const a = await runRecords(problem, gpu, 6000, 1500, 5);
    const b = await runRecords(problem, gpu, 6000, 1500, 5);
    const c = await runRecords(problem, gpu, 6000, 2500, 5);
    const coincide = coincidentRecords(a.records, a.batchOf);
    expect(coincide.acrossBatches).toBe(0);
    expect(coincide.sameBatch).toBe(0);
    expect(Buffer.from(b.records.buffer).equals(Buffer.from(a.records.buffer))).toBe(true);
    expect(Buffer.from(c.records.buffer).equals(Buffer.from(a.records.buffer))).toBe(true);
  });

  it('has batch-to-batch scatter that matches the per-photon variance on a long-walk problem', async () => {
    // Albedo 0.99996, TIR at n 1.4: ~300 interactions (~1,400 draws) per photon on average, up to ~10⁵.
    const problem = buildProblem(trap, [opticsOf(trap)]);
    const batches = 4;
    const { records, batchOf } = await runRecords(problem, gpu, batches * 2000, 2000, 17);
    const radial = Array.from({ length: 13 }, (_, i) => i * 0.5);
    const path = Array.from({ length: 13 }, (_, i) => 0.1 * 10 ** (i / 3));
    const obs = batchObservables(records, batchOf, batches, { radial, path });
    // Each consecutive pair of batches, and all four together: χ² within its 4.5σ quantiles.
    for (const which of [[0, 1], [1, 2], [2, 3], [0, 1, 2, 3]]) {
      const { chi2, dof } = batchChi2(obs, which);
      expect(dof).toBeGreaterThan(15);
      expect(chi2, `batches ${which}: χ² ${chi2.toFixed(1)} on ${dof} dof`).toBeGreaterThan(chi2Quantile(dof, -4.5));
      expect(chi2, `batches ${which}: χ² ${chi2.toFixed(1)} on ${dof} dof`).toBeLessThan(chi2Quantile(dof, 4.5));
    }
  });

  it('stops --fwhm-rel-error only on a jackknife over ≥ 16 groups (one 65,536-photon batch)', async () => {
    const phantom = explicitPhantom([[null, 0.1, 5, 0.9, 1.37]]);
    const r = await simulatePointEmitter(0.5, {
      phantom,
      opticsByBin: [opticsOf(phantom)],
      binProbabilities: [1],
      camera: { numericalAperture: 1, focusDepthMm: 0 },
      photons: 8000,
      seed: 3,
      backend: gpu,
      settingKey: 'test',
      targetFwhmRelErr: 0.5,
      maxPhotons: 60_000,
    });
    expect(gpu.defaultBatchPhotons).toBeGreaterThan(r.photons);
    expect(r.foldedGroups.length).toBeGreaterThanOrEqual(JACKKNIFE_GROUPS);
    expect(r.fwhmStdErr / r.fwhmMm).toBeLessThanOrEqual(0.5);
  });
});

describe('webgpu backend: CLI', () => {
  it('matches the cpu backend in a windows-study setting (signal and FWHM within 4σ)', async () => {
    const run = async (backend: string, seed: number) => {
      const out = join(dir, `win-${backend}`);
      const args = ['windows', 'phantoms/mouse-hindlimb.json', '--windows', 'NIR-IIa', '--depths', '1', '--photons', '12000', '--fwhm-rel-error', '0', '--spectral-bins', '8'];
      const r = await nirwalk([...args, '--seed', String(seed), '--backend', backend, '--out', out], { timeoutMs: 240_000 });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(readFileSync(join(out, 'windows.json'), 'utf8'));
    };
    const [g, c] = await Promise.all([run('webgpu', 1), run('cpu', 2)]);
    expect(g.adapter?.description).toBeTruthy();
    expect(c.adapter).toBeNull();
    const dg = g.windows[0].depths[0];
    const dc = c.windows[0].depths[0];
    expect(Math.abs(dg.signal - dc.signal)).toBeLessThan(K * Math.hypot(dg.signalStdErr, dc.signalStdErr));
    expect(Math.abs(dg.fwhmMm - dc.fwhmMm)).toBeLessThan(K * Math.hypot(dg.fwhmStdErr, dc.fwhmStdErr));
    expect(dg.fwhmStdErr / dg.fwhmMm).toBeLessThan(0.2);
  });

  it('simulate --backend webgpu names its adapter, repeats exactly for another batch size; auto skips a software adapter', async () => {
    const phantom = join(dir, 'layered.json');
    writeFileSync(
      phantom,
      JSON.stringify({ name: 'layered', layers: layered.layers.map((l) => ({ name: l.name, thicknessMm: l.thicknessMm, muaPerMm: l.muaPerMm, musPerMm: l.musPerMm, g: l.g, n: l.n })), below: { n: 1 } }),
    );
    const sim = async (name: string, extra: string[]) => {
      const out = join(dir, name);
      const r = await nirwalk(['simulate', phantom, '--photons', '5000', '--seed', '9', '--out', out, ...extra], { timeoutMs: 240_000 });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    };
    const a = await sim('sim-a', ['--backend', 'webgpu', '--batch-photons', '4096']);
    const b = await sim('sim-b', ['--backend', 'webgpu', '--batch-photons', '3000']);
    expect(a.backend).toBe('webgpu');
    expect(a.adapter.description).toBeTruthy();
    expect(typeof a.adapter.isFallbackAdapter).toBe('boolean');
    for (const f of ['diffuseReflectance', 'transmittance', 'absorbed']) expect(b[f], f).toBe(a[f]);
    expect(b.radialReflectance).toEqual(a.radialReflectance);
    if (a.adapter.software) {
      const auto = await sim('sim-auto', ['--backend', 'auto', '--photons', '2000']);
      expect(auto.backend).toBe('cpu');
      expect(auto.backendDescription).toMatch(/software/);
    }
  });
});
