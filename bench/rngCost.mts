// Where the cpu backend's time goes: the transport kernel (gpu.js cpu mode, in this thread) on the
// three reference cases with Math.random = seedrandom xor4096 (the old per-batch streams), Philox
// photon streams, and a counter (draws per photon). CPU time, interleaved, so other load cancels.
// Usage: npx tsx bench/rngCost.mts [photonsScale]
import { GPU } from 'gpu.js';
import seedrandom from 'seedrandom';
import { buildKernelConfig } from '../src/engine/kernelConfig.js';
import { transportKernelSource } from '../src/engine/transportKernel.js';
import { buildProblem } from '../src/engine/problem.js';
import { photonRandom } from '../src/engine/random/philox.mjs';
import { streamKeyArgument } from '../src/engine/random/streamKey.js';
import { parsePhantom } from '../src/phantom/load.js';
import { CASES } from './cases.mjs';

const scale = Number(process.argv[2] ?? 1);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const sizes: Record<string, number> = { a: 200_000, b: 2000, c: 10_000 };
for (const c of ['a', 'b', 'c']) {
  const phantom = parsePhantom({ name: c, layers: CASES[c as "a"].layers });
  const problem = buildProblem(phantom, [phantom.layers.map((l) => ({ muaPerMm: l.muaPerMm as number, musPerMm: l.musPerMm as number, g: l.g as number, n: l.n as number }))]);
  const config = buildKernelConfig(problem, {});
  const photons = Math.round(sizes[c] * scale);
  const kernel: any = new GPU({ mode: 'cpu' }).createKernel(transportKernelSource() as any, {
    output: [photons],
    constants: config.constants,
    returnType: 'Array(4)',
    loopMaxIterations: config.constants.maxSteps + 1,
    tactic: 'precision',
  } as any);
  const thread = (kernel.kernel ?? kernel).thread;
  const key = streamKeyArgument(1, 0);
  const run = (random: () => number) => {
    const saved = Math.random;
    Math.random = random;
    const t = cpuMs();
    kernel(config.layerZ, config.props, config.wlCdf, key);
    Math.random = saved;
    return cpuMs() - t;
  };
  let draws = 0;
  const xor = seedrandom.xor4096('count');
  run(() => (draws++, xor()));
  const times = { xor4096: [] as number[], philox: [] as number[] };
  for (let rep = 0; rep < 3; rep++) {
    times.xor4096.push(run(seedrandom.xor4096(`nirwalk:1:${rep}`)));
    times.philox.push(run(photonRandom(1, rep * photons, thread)));
  }
  const best = (v: number[]) => Math.min(...v);
  const perPhotonNs = (ms: number) => (ms * 1e6) / photons;
  console.log(
    `case ${c}: ${(draws / photons).toFixed(0)} draws/photon; per photon (best of 3, CPU time): xor4096 ${perPhotonNs(best(times.xor4096)).toFixed(0)} ns, ` +
      `Philox ${perPhotonNs(best(times.philox)).toFixed(0)} ns → ${((best(times.philox) / best(times.xor4096) - 1) * 100).toFixed(0)} % ` +
      `(${((perPhotonNs(best(times.philox)) - perPhotonNs(best(times.xor4096))) / (draws / photons)).toFixed(1)} ns per draw)`,
  );
}
