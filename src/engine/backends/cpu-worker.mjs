// Piscina worker for the cpu backend: runs the gpu.js kernel (cpu mode) on one batch of photons.
// Plain JavaScript so that it loads from src/ (tests) as it is; tsup bundles it to dist/cpu-worker.js.
import { readFileSync } from 'node:fs';
import { GPU } from 'gpu.js';
import { move } from 'piscina';
import { photonRandom } from '../random/philox.mjs';

let cached = { key: '', kernel: null, photons: 0 };

/** The kernel text, read here once per worker (sending it with every batch costs more than a short batch). */
function kernelSource(path) {
  const text = readFileSync(path, 'utf8');
  return text.slice(text.indexOf('function transport('));
}

function kernelFor(task) {
  if (cached.key !== task.key) {
    const gpu = new GPU({ mode: 'cpu' });
    // The options come from kernelOptions() in transportKernel.ts, the same for every backend.
    const kernel = gpu.createKernel(kernelSource(task.sourcePath), task.options);
    cached = { key: task.key, kernel, photons: task.photons };
  }
  if (cached.photons !== task.photons) {
    cached.kernel.setOutput([task.photons]);
    cached.photons = task.photons;
  }
  return cached.kernel;
}

export default function runBatch(task) {
  const kernel = kernelFor(task);
  // gpu.js's cpu mode ignores randomSeed and calls the global Math.random: give it photon
  // (firstPhoton + thread.x)'s Philox stream, restarted as the kernel moves from thread to thread.
  const saved = Math.random;
  Math.random = photonRandom(task.seed, task.firstPhoton, (kernel.kernel ?? kernel).thread);
  let rows;
  try {
    rows = kernel(task.layerZ, task.props, task.wlCdf, task.streamKey);
  } finally {
    Math.random = saved;
  }
  const records = new Float32Array(task.photons * 4);
  for (let i = 0; i < task.photons; i++) records.set(rows[i], i * 4);
  return move(records);
}
