// Photons per second per backend and thread count on the three reference problems of issue 2.
// Usage: npm run bench [-- --cases a,b,c --backends cpu,webasm,webgpu --threads 1,2 --seconds 8]
import { availableParallelism, cpus } from 'node:os';
import { writeFileSync, mkdirSync } from 'node:fs';
import { buildProblem, createBackend, decodeExit, exitRecord, parsePhantom, probeWebGpu, runTransport, VERSION } from '../dist/index.js';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const layer = (name, thicknessMm, muaPerMm, musPerMm, g, n) => ({ name, thicknessMm, muaPerMm, musPerMm, g, n });
const CASES = {
  a: { label: '(a) van de Hulst slab: 0.2 mm, μa 1, μs 9 /mm, g 0.75, n 1', layers: [layer('slab', 0.2, 1, 9, 0.75, 1)] },
  b: { label: '(b) semi-infinite μa 0.01, μs 10 /mm, g 0.9, n 1.37', layers: [layer('tissue', null, 0.01, 10, 0.9, 1.37)] },
  c: {
    label: '(c) skin 1 mm / fat 2 mm / muscle 20 mm at ~1300 nm',
    layers: [layer('skin', 1, 0.09, 6.0, 0.9, 1.4), layer('fat', 2, 0.1, 7.0, 0.9, 1.44), layer('muscle', 20, 0.12, 5.0, 0.9, 1.37)],
  },
};
const MCML_ONE_CORE = { a: 3.9e6, b: 10.7e3, c: 61e3 };
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
      let photons = backend.defaultBatchPhotons * threads;
      let info;
      let rd = 0;
      // Grow the run until it lasts at least `seconds` (the first, short runs also warm up the kernel).
      for (;;) {
        rd = 0;
        const rec = exitRecord();
        info = await runTransport(problem, { photons, seed: 1, backendInstance: backend }, (r, _b, n) => {
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
      rows.push({ case: c, backend: backendName, threads, photons: info.photonsDone, seconds: info.elapsedMs / 1000, photonsPerSecond: perSecond, vsMcmlOneCore: perSecond / MCML_ONE_CORE[c], diffuseReflectance: rd / info.photonsDone });
      console.log(`${CASES[c].label} | ${backendName} ×${threads}: ${Math.round(perSecond).toLocaleString('en-US')} photons/s (${(perSecond / MCML_ONE_CORE[c]).toFixed(2)}× MCML 1 core)`);
    }
  }
}
const machine = { cpu: cpus()[0]?.model, cores: availableParallelism(), node: process.version, nirwalk: VERSION, webgpu: webgpu.available ? webgpu.adapter : webgpu.reason };
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/bench.json', JSON.stringify({ machine, date: new Date().toISOString(), rows }, null, 2));
console.log('\n| case | backend | threads | photons | photons/s | × MCML (1 core) |\n|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.case} | ${r.backend} | ${r.threads} | ${r.photons} | ${Math.round(r.photonsPerSecond).toLocaleString('en-US')} | ${r.vsMcmlOneCore.toFixed(2)} |`);
console.log(`\nmachine: ${JSON.stringify(machine)}`);
