import type { Backend } from '../../src/engine/backends/backend.js';
import { runTransport } from '../../src/engine/run.js';
import type { TransportProblem } from '../../src/engine/types.js';

/** All exit records of a run, in photon order, with the batch each photon came in. */
export async function runRecords(problem: TransportProblem, backend: Backend, photons: number, batchPhotons: number, seed: number) {
  const records = new Float32Array(photons * 4);
  const batchOf = new Int32Array(photons);
  await runTransport(problem, { photons, seed, backendInstance: backend, batchPhotons }, (r, b, n, first) => {
    records.set(r.subarray(0, n * 4), first * 4);
    batchOf.fill(b, first, first + n);
  });
  return { records, batchOf };
}

/** Pairs of photons whose four record values coincide exactly, split by same or different batch. */
export function coincidentRecords(records: Float32Array, batchOf: Int32Array) {
  const seen = new Map<string, number>();
  let sameBatch = 0;
  let acrossBatches = 0;
  for (let i = 0; i < batchOf.length; i++) {
    // A photon that is absorbed or stopped in the same place twice is a coincidence of streams only if
    // all four values (position, weight, path) agree; rouletted photons all read weight 0, so skip them.
    if (records[i * 4 + 2] === 0) continue;
    const key = `${records[i * 4]},${records[i * 4 + 1]},${records[i * 4 + 2]},${records[i * 4 + 3]}`;
    const j = seen.get(key);
    if (j === undefined) seen.set(key, i);
    else if (batchOf[j] === batchOf[i]) sameBatch++;
    else acrossBatches++;
  }
  return { sameBatch, acrossBatches, distinct: seen.size };
}

/**
 * Per-batch means of M observables (reflected weight in radial bins and in path-length bins) and
 * the per-photon variance of each, from the records of a run.
 */
export function batchObservables(records: Float32Array, batchOf: Int32Array, batches: number, edgesMm: { radial: number[]; path: number[] }) {
  const m = edgesMm.radial.length - 1 + edgesMm.path.length - 1;
  const sums = Array.from({ length: batches }, () => new Float64Array(m));
  const sq = new Float64Array(m);
  const total = new Float64Array(m);
  const counts = new Float64Array(batches);
  const bin = (edges: number[], v: number) => {
    for (let k = 0; k < edges.length - 1; k++) if (v >= edges[k] && v < edges[k + 1]) return k;
    return -1;
  };
  const nRadial = edgesMm.radial.length - 1;
  for (let i = 0; i < batchOf.length; i++) {
    const b = batchOf[i];
    counts[b]++;
    const w = records[i * 4 + 2];
    const path = records[i * 4 + 3];
    if (!(w > 0) || path < 0) continue;
    const r = Math.hypot(records[i * 4], records[i * 4 + 1]);
    const kr = bin(edgesMm.radial, r);
    const kp = bin(edgesMm.path, path);
    for (const k of [kr, kp < 0 ? -1 : nRadial + kp]) {
      if (k < 0) continue;
      sums[b][k] += w;
      sq[k] += w * w;
      total[k] += w;
    }
  }
  const n = batchOf.length;
  const perPhotonVariance = Array.from(sq, (s, k) => s / n - (total[k] / n) ** 2);
  const means = sums.map((s, b) => Array.from(s, (v) => v / counts[b]));
  return { means, perPhotonVariance, counts: Array.from(counts) };
}

/**
 * χ² of batch-to-batch scatter against the per-photon variance: Σ_k Σ_b (x̄_bk − x̄_k)² n_b / σ²_k,
 * with M·(B − 1) degrees of freedom when batches are independent.
 */
export function batchChi2(obs: ReturnType<typeof batchObservables>, which: number[]) {
  let chi2 = 0;
  let dof = 0;
  obs.perPhotonVariance.forEach((v, k) => {
    if (!(v > 0)) return;
    const n = which.reduce((a, b) => a + obs.counts[b], 0);
    const mean = which.reduce((a, b) => a + obs.means[b][k] * obs.counts[b], 0) / n;
    for (const b of which) chi2 += ((obs.means[b][k] - mean) ** 2 * obs.counts[b]) / v;
    dof += which.length - 1;
  });
  return { chi2, dof };
}

/** Wilson–Hilferty: the χ²_dof quantile z standard deviations from the middle. */
export function chi2Quantile(dof: number, z: number): number {
  const s = Math.sqrt(2 / (9 * dof));
  return dof * (1 - 2 / (9 * dof) + z * s) ** 3;
}
