// Device benchmark (bench/gpu/run.sh): photons/s of the three reference cases and of a windows study
// on webgpu and cpu, the adapter named, in bench/RESULTS.md's table format; plus where the GPU time
// goes: launch size sweep and the divergence within 64-thread workgroups (from per-photon path lengths).
// Usage: node bench/gpu/bench.mjs [--out DIR] [--seconds 8] [--cases a,b,c] [--backends webgpu,cpu]
//        [--threads N] [--windows-photons 200000] [--no-windows] [--no-profile]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { buildProblem, createBackend, parsePhantom, probeWebGpu, runTransport, VERSION } from '../../dist/index.js';
import { CASES, MCML_ONE_CORE } from '../cases.mjs';

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : fallback;
};
const has = (name) => argv.includes(`--${name}`);
const out = flag('out', 'bench/gpu/out');
const seconds = Number(flag('seconds', 8));
const cases = flag('cases', 'a,b,c').split(',');
const backends = flag('backends', 'webgpu,cpu').split(',');
const threads = Number(flag('threads', availableParallelism()));
const windowsPhotons = Number(flag('windows-photons', 200_000));
mkdirSync(out, { recursive: true });

const probe = await probeWebGpu();
const adapterName = probe.available ? `${probe.adapter}${probe.adapterInfo?.software ? ' (software adapter: CPU, not GPU speed)' : ''}` : `none (${probe.reason})`;
const gpuTxt = existsSync(join(out, 'gpu.txt')) ? readFileSync(join(out, 'gpu.txt'), 'utf8').trim() : '';
const machine = { cpu: cpus()[0]?.model, cores: availableParallelism(), node: process.version, nirwalk: VERSION, adapter: adapterName, nvidiaSmi: gpuTxt || undefined };
console.log(`machine: ${JSON.stringify(machine)}`);

const problemOf = (c) => {
  const phantom = parsePhantom({ name: c, layers: CASES[c].layers });
  return buildProblem(phantom, [phantom.layers.map((l) => ({ muaPerMm: l.muaPerMm, musPerMm: l.musPerMm, g: l.g, n: l.n }))]);
};

/** Grows the run until it lasts `seconds` (the first, short runs also compile the kernel). */
async function timed(problem, backend, batchPhotons, onRecords) {
  let photons = batchPhotons ?? backend.defaultBatchPhotons * backend.threads;
  await runTransport(problem, { photons, seed: 2, backendInstance: backend, batchPhotons }, () => undefined); // warm-up
  for (;;) {
    const info = await runTransport(problem, { photons, seed: 1, backendInstance: backend, batchPhotons }, (r, _b, n) => onRecords?.(r, n));
    if (info.elapsedMs >= seconds * 1000) return info;
    photons = Math.ceil(photons * Math.min(10, (1.2 * seconds * 1000) / Math.max(info.elapsedMs, 1)));
  }
}

const rows = [];
for (const c of cases) {
  for (const name of backends) {
    const backend = await createBackend(name, threads);
    try {
      const info = await timed(problemOf(c), backend);
      const perSecond = info.photonsDone / (info.elapsedMs / 1000);
      rows.push({ case: c, backend: name, threads: backend.threads, adapter: name === 'webgpu' ? adapterName : '', photons: info.photonsDone, photonsPerSecond: perSecond, vsMcmlOneCore: perSecond / MCML_ONE_CORE[c] });
      console.log(`${CASES[c].label} | ${name}: ${Math.round(perSecond).toLocaleString('en-US')} photons/s (${(perSecond / MCML_ONE_CORE[c]).toFixed(1)}× MCML 1 core)`);
    } finally {
      await backend.close();
    }
  }
}

// Where the GPU time goes: photons/s against launch size, and the SIMD efficiency of 64-thread
// workgroups (a workgroup runs as long as its longest walk; path length stands in for steps).
const profile = [];
if (!has('no-profile') && backends.includes('webgpu')) {
  for (const c of cases) {
    const backend = await createBackend('webgpu');
    try {
      for (const batchPhotons of [16_384, 65_536, 262_144, 1_048_576]) {
        let sumPath = 0;
        let sumMax = 0;
        let groups = 0;
        const info = await timed(problemOf(c), backend, batchPhotons, (r, n) => {
          for (let g = 0; g + 64 <= n; g += 64) {
            let max = 0;
            for (let i = g; i < g + 64; i++) {
              const code = r[i * 4 + 3];
              const path = code >= 0 ? code : code < -1 ? -code - 2 : 0;
              sumPath += path;
              if (path > max) max = path;
            }
            sumMax += 64 * max;
            groups++;
          }
        });
        const perSecond = info.photonsDone / (info.elapsedMs / 1000);
        profile.push({ case: c, batchPhotons, photonsPerSecond: perSecond, workgroupEfficiency: sumPath / sumMax, readbackMBPerS: (perSecond * 16) / 1e6 });
        console.log(`profile ${c} batch ${batchPhotons}: ${Math.round(perSecond).toLocaleString('en-US')} photons/s, workgroup efficiency ${(sumPath / sumMax).toFixed(2)}`);
      }
    } finally {
      await backend.close();
    }
  }
}

// A windows study through the CLI, as a user runs it.
const studies = [];
if (!has('no-windows')) {
  for (const name of backends) {
    const dir = join(out, `windows-${name}`);
    const args = ['dist/cli.js', 'windows', 'phantoms/mouse-hindlimb.json', '--windows', 'NIR-I,NIR-II,NIR-IIb', '--depths', '1,2,3', '--photons', String(windowsPhotons), '--fwhm-rel-error', '0', '--backend', name, '--out', dir];
    if (name === 'cpu') args.push('--threads', String(threads));
    const started = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: process.env });
    const wallS = (performance.now() - started) / 1000;
    if (r.status !== 0) {
      console.log(`windows study on ${name} failed: ${r.stderr.split('\n').slice(-3).join(' ')}`);
      continue;
    }
    const doc = JSON.parse(readFileSync(join(dir, 'windows.json'), 'utf8'));
    const emitted = 3 * 3 * windowsPhotons;
    studies.push({ backend: name, adapter: name === 'webgpu' ? adapterName : '', wallS, photonsPerSecond: emitted / wallS, elapsedMs: doc.elapsedMs });
    console.log(`windows study on ${name}: ${wallS.toFixed(1)} s, ${Math.round(emitted / wallS).toLocaleString('en-US')} emitter photons/s`);
  }
}

const fmt = (v) => Math.round(v).toLocaleString('en-US');
const md = [
  `## Device benchmark (${new Date().toISOString().slice(0, 10)}, bench/gpu/run.sh)`,
  '',
  `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, nirwalk ${VERSION}; WebGPU adapter: ${adapterName}${gpuTxt ? `; nvidia-smi: ${gpuTxt}` : ''}.`,
  `Command: \`bench/gpu/run.sh -- ${argv.join(' ')}\` (seed 1, runs grown to ≥ ${seconds} s).`,
  '',
  '| case | backend | adapter | photons | photons/s | × MCML (1 core) |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.case} | ${r.backend}${r.backend === 'cpu' ? ` ×${r.threads}` : ''} | ${r.adapter || '—'} | ${r.photons} | ${fmt(r.photonsPerSecond)} | ${r.vsMcmlOneCore.toFixed(1)} |`),
  '',
  ...(profile.length
    ? ['Launch size and divergence (webgpu):', '', '| case | photons per launch | photons/s | workgroup efficiency (mean/max path in 64 threads) | records read back (MB/s) |', '|---|---|---|---|---|', ...profile.map((p) => `| ${p.case} | ${p.batchPhotons} | ${fmt(p.photonsPerSecond)} | ${p.workgroupEfficiency.toFixed(2)} | ${p.readbackMBPerS.toFixed(1)} |`), '']
    : []),
  ...(studies.length
    ? [`Windows study (\`nirwalk windows phantoms/mouse-hindlimb.json --windows NIR-I,NIR-II,NIR-IIb --depths 1,2,3 --photons ${windowsPhotons} --fwhm-rel-error 0\`; emitter photons = 9 × ${windowsPhotons}, wall time includes excitation and background runs):`, '', '| backend | adapter | wall (s) | emitter photons/s |', '|---|---|---|---|', ...studies.map((s) => `| ${s.backend} | ${s.adapter || '—'} | ${s.wallS.toFixed(1)} | ${fmt(s.photonsPerSecond)} |`), '']
    : []),
].join('\n');
writeFileSync(join(out, 'RESULTS-gpu.md'), md + '\n');
writeFileSync(join(out, 'bench.json'), JSON.stringify({ machine, date: new Date().toISOString(), rows, profile, studies }, null, 2));
console.log(`\n${md}`);
