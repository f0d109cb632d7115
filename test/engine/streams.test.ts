import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../../src/engine/backends/cpu.js';
import type { Backend } from '../../src/engine/backends/backend.js';
import { buildProblem } from '../../src/engine/problem.js';
import { philox4x32, philoxKey, photonRandom, uniform24 } from '../../src/engine/random/philox.mjs';
import { streamKeyArgument } from '../../src/engine/random/streamKey.js';
import { JACKKNIFE_GROUPS, simulatePointEmitter } from '../../src/imaging/emitter.js';
import { explicitPhantom, opticsOf, runExit } from '../support/engine.js';
import { coincidentRecords, runRecords } from '../support/streamChecks.js';

const hex = (words: ArrayLike<number>) => Array.from(words, (v) => (v >>> 0).toString(16).padStart(8, '0')).join(' ');

/** Philox4x32-10 in BigInt arithmetic, straight from the definition (Salmon et al. 2011, eq. 2–3). */
function philoxReference(ctr: number[], key: number[]): number[] {
  let c = ctr.map(BigInt);
  let k = key.map(BigInt);
  const mask = 0xffffffffn;
  for (let r = 0; r < 10; r++) {
    const p0 = 0xd2511f53n * c[0];
    const p1 = 0xcd9e8d57n * c[2];
    c = [((p1 >> 32n) ^ c[1] ^ k[0]) & mask, p1 & mask, ((p0 >> 32n) ^ c[3] ^ k[1]) & mask, p0 & mask];
    k = [(k[0] + 0x9e3779b9n) & mask, (k[1] + 0xbb67ae85n) & mask];
  }
  return c.map(Number);
}

describe('Philox4x32-10 generator', () => {
  it('reproduces the Random123 known-answer vectors (kat_vectors, philox4x32 10 rounds)', () => {
    const out = [0, 0, 0, 0];
    expect(hex(philox4x32(0, 0, 0, 0, 0, 0, out))).toBe('6627e8d5 e169c58d bc57ac4c 9b00dbd8');
    expect(hex(philox4x32(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, out))).toBe('408f276d 41c83b0e a20bc7c6 6d5451fd');
    expect(hex(philox4x32(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, out))).toBe('d16cfe09 94fdcceb 5001e420 24126ea1');
  });

  it('agrees with a BigInt implementation on random counters and keys', () => {
    let s = 12345;
    const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
    const out = [0, 0, 0, 0];
    for (let i = 0; i < 2000; i++) {
      const c = [next(), next(), next(), next()];
      const k = [next(), next()];
      expect(philox4x32(c[0], c[1], c[2], c[3], k[0], k[1], out).map((v) => v >>> 0)).toEqual(philoxReference(c, k));
    }
  });

  it('keys a run by its seed as a 64-bit integer and packs key and photon index in exact f32 halves', () => {
    expect(philoxKey(1)).toEqual([1, 0]);
    expect(philoxKey(-1)).toEqual([0xffffffff, 0xffffffff]);
    expect(philoxKey(2 ** 40 + 3)).toEqual([3, 256]);
    const arg = streamKeyArgument(2 ** 40 + 3, 2 ** 33 + 0x12345);
    const word = (i: number) => arg[i] + arg[i + 1] * 65536;
    expect([word(0), word(2), word(4), word(6)]).toEqual([3, 256, 0x12345, 2]);
  });

  it('gives photon i the stream of counters (block, i, 0, 0), whatever thread it runs on', () => {
    const thread = { x: 0 };
    const fromFirst = photonRandom(9, 1000, thread);
    const draws: number[] = [];
    thread.x = 5;
    for (let d = 0; d < 14; d++) draws.push(fromFirst());
    const [k0, k1] = philoxKey(9);
    const blocks = [0, 1, 2, 3].flatMap((b) => philox4x32(b, 1005, 0, 0, k0, k1, [0, 0, 0, 0]) as number[]);
    expect(draws).toEqual(blocks.slice(0, 14).map(uniform24));
    const other = photonRandom(9, 1005, thread);
    thread.x = 0;
    expect([other(), other()]).toEqual(draws.slice(0, 2));
    expect(Math.min(...draws)).toBeGreaterThan(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
});

const layered = explicitPhantom([
  [0.5, 0.09, 6, 0.9, 1.4],
  [1, 0.1, 7, 0.9, 1.44],
  [null, 0.12, 5, 0.9, 1.37],
]);

describe('independent, reproducible photon streams (cpu backend)', () => {
  it('gives identical tallies for two runs and for batch sizes 1000, 777 and 4096 (uneven last batch)', async () => {
    const a = await runExit(layered, { photons: 6000, seed: 42, run: { batchPhotons: 1000 } });
    const b = await runExit(layered, { photons: 6000, seed: 42, run: { batchPhotons: 1000 } });
    const c = await runExit(layered, { photons: 6000, seed: 42, run: { batchPhotons: 777 } });
    const d = await runExit(layered, { photons: 6000, seed: 42, threads: 1, run: { batchPhotons: 4096 } });
    const json = JSON.stringify(a.tally.toJSON());
    expect(JSON.stringify(b.tally.toJSON())).toBe(json);
    expect(JSON.stringify(c.tally.toJSON())).toBe(json);
    expect(JSON.stringify(d.tally.toJSON())).toBe(json);
    expect(c.info.batchesDone).toBe(8);
  });

  it('never repeats a photon: records of different batches do not coincide', async () => {
    const backend = new CpuBackend(2);
    try {
      const problem = buildProblem(layered, [opticsOf(layered)]);
      const { records, batchOf } = await runRecords(problem, backend, 8000, 500, 5);
      const c = coincidentRecords(records, batchOf);
      expect(c.acrossBatches).toBe(0);
      expect(c.sameBatch).toBe(0);
      expect(c.distinct).toBeGreaterThan(1000);
    } finally {
      await backend.close();
    }
  });
});

/** The cpu backend with another default batch size (as a GPU backend has), for the adaptive-stopping rule. */
function withBatch(inner: Backend, defaultBatchPhotons: number): Backend {
  return { name: inner.name, threads: inner.threads, description: inner.description, defaultBatchPhotons, runBatch: (t) => inner.runBatch(t), close: () => inner.close() };
}

describe('adaptive stopping (--fwhm-rel-error)', () => {
  const phantom = explicitPhantom([[null, 0.02, 2, 0.9, 1.37]]);
  const optics = [opticsOf(phantom)];
  const run = (backend: Backend, photons: number, targetFwhmRelErr: number) =>
    simulatePointEmitter(1, { phantom, opticsByBin: optics, binProbabilities: [1], camera: { numericalAperture: 1, focusDepthMm: 0 }, photons, seed: 3, backend, settingKey: 'test', targetFwhmRelErr, maxPhotons: 200_000 });

  it('stops only on a jackknife over ≥ 16 groups, with the same numbers for any batch size', async () => {
    const cpu = new CpuBackend(2);
    try {
      // Batches as large as half the run: grouping by batch would give a 2-group jackknife here.
      const big = await run(withBatch(cpu, 15_000), 30_000, 0.5);
      expect(big.foldedGroups.length).toBeGreaterThanOrEqual(JACKKNIFE_GROUPS);
      expect(big.fwhmStdErr / big.fwhmMm).toBeLessThanOrEqual(0.5);
      const small = await run(withBatch(cpu, 1000), 30_000, 0.5);
      expect(small.photons).toBe(big.photons);
      expect(small.fwhmMm).toBe(big.fwhmMm);
      expect(small.fwhmStdErr).toBe(big.fwhmStdErr);
      expect(small.detected).toBe(big.detected);
    } finally {
      await cpu.close();
    }
  });
});
