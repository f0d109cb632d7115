// Photons per second per backend and thread count on the three reference problems of issue 2.
// Usage: npm run bench [-- --cases a,b,c --backends cpu,webasm,webgpu --threads 1,2 --seconds 8 --batch N]
import { availableParallelism, cpus } from 'node:os';
import { writeFileSync, mkdirSync } from 'node:fs';
import { buildProblem, createBackend, decodeExit, exitRecord, parsePhantom, probeWebGpu, runTransport, VERSION } from '../dist/index.js';
import { CASES, MCML_ONE_CORE } from './cases.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const cases = (args.cases ?? 'a,b,c').split(',');
const seconds = Number(args.seconds ?? 8);
const threadList = (args.threads ?? `1,${availableParallelism()}`).split(',').map(Number);
const webgpu = await probeWebGpu();
const backends = (args.backends ?? `cpu,webasm${webgpu.available ? ',webgpu' : ''}`).split(',');

const rows = [];
for (const c of cases) {
  const phantom = parsePhantom({ name: c, layers: CASES[c].layers });
  const problem = buildProblem(phantom, [phantom.layers.map((l) => ({ muaPerMm: l.muaPerMm, musPerMm: l.musPerMm, g: l.g, n: l.n }))]);
  for (const backendName of backends) {
    for (const threads of backendName === 'webgpu' ? [1] : threadList) {
      const backend = await createBackend(backendName, threads);
      // Warm up (kernel compilation, worker start), then size the timed run to about `seconds`.
      // --batch N: photons per launch (and the first run's size), e.g. for a slow software adapter.
      const batchPhotons = args.batch ? Number(args.batch) : undefined;
      let photons = (batchPhotons ?? backend.defaultBatchPhotons) * threads;
      let info;
      let rd = 0;
      let cpuBefore = process.cpuUsage();
      // Grow the run until it lasts at least `seconds` (the first, short runs also warm up the kernel).
      for (;;) {
        rd = 0;
        cpuBefore = process.cpuUsage();
        const rec = exitRecord();
        info = await runTransport(problem, { photons, seed: 1, backendInstance: backend, batchPhotons }, (r, _b, n) => {
          for (let i = 0; i < n; i++) {
            decodeExit(r, i, rec);
            if (rec.kind === 'detected' || rec.kind === 'outsideCone') rd += rec.weight;
          }
        });
        if (info.elapsedMs >= seconds * 1000) break;
        photons = Math.ceil(photons * Math.min(10, (1.2 * seconds * 1000) / Math.max(info.elapsedMs, 1)));
      }
      await backend.close();
      const perSecond = info.photonsDone / (info.elapsedMs / 1000);
      // Process CPU time (all threads): photons per CPU second is robust to other load on a shared machine.
      const cpu = process.cpuUsage(cpuBefore);
      const perCpuSecond = info.photonsDone / ((cpu.user + cpu.system) / 1e6);
      rows.push({ case: c, backend: backendName, threads, photons: info.photonsDone, seconds: info.elapsedMs / 1000, photonsPerSecond: perSecond, photonsPerCpuSecond: perCpuSecond, vsMcmlOneCore: perSecond / MCML_ONE_CORE[c], diffuseReflectance: rd / info.photonsDone });
      console.log(`${CASES[c].label} | ${backendName} ×${threads}: ${Math.round(perSecond).toLocaleString('en-US')} photons/s (${(perSecond / MCML_ONE_CORE[c]).toFixed(2)}× MCML 1 core), ${Math.round(perCpuSecond).toLocaleString('en-US')} per CPU second`);
    }
  }
}
const machine = { cpu: cpus()[0]?.model, cores: availableParallelism(), node: process.version, nirwalk: VERSION, webgpu: webgpu.available ? webgpu.adapter : webgpu.reason };
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/bench.json', JSON.stringify({ machine, date: new Date().toISOString(), rows }, null, 2));
console.log('\n| case | backend | threads | photons | photons/s | photons per CPU s | × MCML (1 core) |\n|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.case} | ${r.backend} | ${r.threads} | ${r.photons} | ${Math.round(r.photonsPerSecond).toLocaleString('en-US')} | ${Math.round(r.photonsPerCpuSecond).toLocaleString('en-US')} | ${r.vsMcmlOneCore.toFixed(2)} |`);
console.log(`\nmachine: ${JSON.stringify(machine)}`);
