import { describe, expect, it } from 'vitest';
import { transportKernelWgsl } from '../../src/engine/backends/wgsl.js';
import { buildKernelConfig } from '../../src/engine/kernelConfig.js';
import { explicitPhantom, opticsOf, runExit } from '../support/engine.js';
import { buildProblem } from '../../src/engine/problem.js';

const layered = explicitPhantom([
  [0.5, 0.09, 6, 0.9, 1.4],
  [1, 0.1, 7, 0.9, 1.44],
  [null, 0.12, 5, 0.9, 1.37],
]);

describe('reproducibility', () => {
  it('gives identical tallies with 1 and 2 threads (photon i draws Philox stream i)', async () => {
    const a = await runExit(layered, { photons: 4500, seed: 42, threads: 1 });
    const b = await runExit(layered, { photons: 4500, seed: 42, threads: 2 });
    expect(JSON.stringify(a.tally.toJSON())).toEqual(JSON.stringify(b.tally.toJSON()));
    expect(a.info.batchesDone).toBe(5);
  });

  it('gives different numbers for a different seed', async () => {
    const a = await runExit(layered, { photons: 2000, seed: 1, threads: 2 });
    const b = await runExit(layered, { photons: 2000, seed: 2, threads: 2 });
    expect(a.tally.rdSum).not.toEqual(b.tally.rdSum);
  });
});

describe('kernel portability', () => {
  it('translates to WGSL for the webgpu backend without a GPU', () => {
    const config = buildKernelConfig(buildProblem(layered, [opticsOf(layered)]), {});
    const wgsl = transportKernelWgsl(config);
    expect(wgsl).toContain('@compute');
    expect(wgsl).toContain('fn main');
    // Math.random() becomes pcg_random(), whose body is the Philox4x32-10 generator, not gpu.js's PCG.
    expect(wgsl).toMatch(/pcg_random\(\)/);
    expect(wgsl).toContain('fn philox4x32_10(');
    expect(wgsl).toContain('philox_start(u32(data_index));');
    expect(wgsl).not.toContain('pcgState');
  });

  it('runs on the webasm backend (f32, gpu.js PCG streams) and reproduces the van de Hulst slab within 4σ', async () => {
    const slab = explicitPhantom([[0.2, 1, 9, 0.75, 1]]);
    const { tally } = await runExit(slab, { photons: 100_000, seed: 3, backend: 'webasm' });
    const s = tally.summary();
    expect(Math.abs(s.diffuseReflectance - 0.09739)).toBeLessThan(4 * s.diffuseReflectanceStdErr);
    expect(Math.abs(s.transmittance - 0.66096)).toBeLessThan(4 * s.transmittanceStdErr);
  });
});
