import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../src/engine/problem.js';
import { runTransport } from '../../src/engine/run.js';
import { TALLY_ABSORPTION } from '../../src/engine/types.js';
import { ExitTally } from '../../src/tallies/exitTally.js';
import { DEFAULT_SPEC, explicitPhantom, opticsOf } from '../support/engine.js';

describe('energy conservation', () => {
  it('specular + diffuse reflectance + transmittance + absorption tallied per layer = 1 (3 layers, index mismatch)', async () => {
    const phantom = explicitPhantom(
      [
        [0.3, 0.2, 8, 0.85, 1.45],
        [0.5, 0.05, 3, 0.5, 1.33],
        [1.0, 0.5, 15, 0.95, 1.5],
      ],
      { below: { n: 1.2 } },
    );
    const problem = buildProblem(phantom, [opticsOf(phantom)]);
    const N = 20_000;
    const exit = new ExitTally(DEFAULT_SPEC, 1);
    const info = await runTransport(problem, { photons: N, seed: 4, threads: 2, backend: 'cpu' }, (r, _b, n) => exit.add(r, n));
    const byLayer = [0, 0, 0];
    await runTransport(problem, { photons: N, seed: 4, threads: 2, backend: 'cpu', tallyMode: TALLY_ABSORPTION, layerOffset: 0 }, (r, _b, n) => {
      for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) byLayer[k] += r[i * 4 + k];
    });
    const s = exit.summary();
    const absorbed = byLayer.reduce((a, b) => a + b, 0) / N;
    // The absorption pass replays the identical walks: the balance is exact up to float32 rounding.
    const total = info.launch.specular + s.diffuseReflectance + s.transmittance + absorbed + s.steppedOutWeight;
    expect(Math.abs(total - 1)).toBeLessThan(1e-5);
    expect(s.transmittance).toBeGreaterThan(0.01);
    expect(s.diffuseReflectance).toBeGreaterThan(0.05);
    byLayer.forEach((a) => expect(a).toBeGreaterThan(0));
  });
});
