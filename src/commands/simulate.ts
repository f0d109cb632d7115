import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { addEngineOptions, intArg, numberArg } from './shared/flags.js';
import { withRun } from './shared/lifecycle.js';
import { withOutputDir, writeFileAtomic } from '../io/atomic.js';
import { writeNpy } from '../image/imageIo.js';
import { loadPhantom } from '../phantom/load.js';
import { readCheckpoint, type Checkpoint } from '../simulate/checkpoint.js';
import { simulate, type SimulateOptions } from '../simulate/simulate.js';
import type { ExitTally } from '../tallies/exitTally.js';

export function register(program: Command): void {
  const cmd = program
    .command('simulate')
    .summary('MCML-style run: reflectance, transmittance, absorption, Rd(r), exit image')
    .description(
      'Run the photon random walk through a layered phantom (MCML conventions) and write DIR/result.json:\n' +
        'specular and diffuse reflectance, transmittance, absorption, Rd(r), with standard errors;\n' +
        'also the surface exit image (exit-image.npy) and the path-length histogram (path-length.csv).',
    )
    .argument('<phantom>', 'phantom JSON file (see phantoms/ for examples)')
    .requiredOption('--photons <N>', 'number of photon packets', intArg('--photons'))
    .requiredOption('--out <DIR>', 'output folder (created; files in it are replaced)')
    .option('--batch-photons <N>', 'photons per kernel launch (default: the backend\'s; results do not depend on it)', intArg('--batch-photons'));
  addEngineOptions(cmd, 'random seed: same phantom + photons + seed = same numbers')
    .option('--wavelength <NM>', 'wavelength in nm (needed when layers use tissue presets or spectra)', numberArg('--wavelength'))
    .option('--allow-extrapolation', 'allow scattering power laws beyond their fitted range (flagged in result.json)')
    .option('--radial-bin-mm <MM>', 'radial bin width for Rd(r) and the exit-image pixel size', numberArg('--radial-bin-mm'), 0.1)
    .option('--radial-bins <N>', 'number of radial bins (the last one collects all beyond the grid, as MCML)', intArg('--radial-bins'), 200)
    .option('--max-steps <N>', 'step cap per photon; capped photons are counted in steppedOut', intArg('--max-steps', 10))
    .option('--by-layer', 'also tally absorbedByLayer (replays the same walks once per 4 layers)')
    .option('--resume', 'continue an interrupted run from DIR/checkpoint.json')
    .addHelpText(
      'after',
      '\nExamples:\n  nirwalk simulate phantoms/mouse-hindlimb.json --wavelength 1300 --photons 1e5 --out out/hindlimb\n' +
        '  nirwalk simulate slab.json --photons 1000000 --seed 7 --threads 2 --out out/slab --by-layer\n' +
        '\nCtrl-C stops after the batches in flight and writes what was done (interrupted: true) plus a\n' +
        'checkpoint; run the same command again with --resume to continue.',
    )
    .action(async (phantomPath: string, flags) => {
      const phantom = loadPhantom(phantomPath);
      const resume: Checkpoint | undefined = flags.resume ? readCheckpoint(join(flags.out, 'checkpoint.json')) : undefined;
      const options: SimulateOptions = {
        photons: flags.photons,
        seed: flags.seed,
        threads: flags.threads,
        batchPhotons: flags.batchPhotons,
        backend: flags.backend,
        wavelengthNm: flags.wavelength,
        allowExtrapolation: Boolean(flags.allowExtrapolation),
        radialBinMm: flags.radialBinMm,
        radialBins: flags.radialBins,
        maxSteps: flags.maxSteps,
        absorbedByLayer: Boolean(flags.byLayer),
        resume,
      };
      const { value } = await withRun(
        { progress: 'photons', label: 'simulate', backend: { name: flags.backend, threads: flags.threads }, interruptible: true },
        ({ backend, onProgress, signal }) =>
          simulate(phantom, { ...options, backendInstance: backend, onProgress: (d, t) => onProgress('simulate', d, t), signal }),
      );
      const { result, tally, checkpoint } = value;
      await withOutputDir(flags.out, (dir) => writeSimulationFiles(dir, result, tally, checkpoint));
      if (!checkpoint) rmSync(join(flags.out, 'checkpoint.json'), { force: true });
      printSummary(result, flags.out);
    });
}

export function writeSimulationFiles(dir: string, result: Record<string, unknown>, tally: ExitTally, checkpoint?: Checkpoint): void {
  const { imagePixels, imagePixelMm, pathBinMm, pathBins } = tally.spec;
  const pixelAreaMm2 = imagePixelMm * imagePixelMm;
  const image = Float32Array.from(tally.image, (v) => v / (tally.photons * pixelAreaMm2));
  writeNpy(join(dir, 'exit-image.npy'), { width: imagePixels, height: imagePixels, data: image });
  const pathRows = ['pathLengthFromMm,pathLengthToMm,weightPerPhoton'];
  for (let i = 0; i < pathBins; i++) {
    const to = i === pathBins - 1 ? 'inf' : ((i + 1) * pathBinMm).toPrecision(6);
    pathRows.push(`${(i * pathBinMm).toPrecision(6)},${to},${tally.pathLength[i] / tally.photons}`);
  }
  writeFileAtomic(join(dir, 'path-length.csv'), pathRows.join('\n') + '\n');
  const radial = result.radialReflectance as { rMm: number[]; perMm2: number[] };
  const radialRows = ['rMm,rdPerMm2', ...radial.rMm.map((r, i) => `${r},${radial.perMm2[i]}`)];
  writeFileAtomic(join(dir, 'radial-reflectance.csv'), radialRows.join('\n') + '\n');
  const files = {
    exitImage: {
      file: 'exit-image.npy',
      format: 'NumPy .npy, float32, shape [y, x], C order',
      pixelMm: imagePixelMm,
      pixels: imagePixels,
      centre: 'the source axis (x = y = 0) is the centre of pixel (pixels-1)/2',
      units: 'weight leaving the top surface per launched photon per mm²',
    },
    pathLength: { file: 'path-length.csv', units: 'weight leaving the top surface per launched photon, by path length in tissue (mm)' },
    radialReflectance: { file: 'radial-reflectance.csv' },
  };
  writeFileAtomic(join(dir, 'result.json'), JSON.stringify({ ...result, files }, null, 2) + '\n');
  if (checkpoint) writeFileAtomic(join(dir, 'checkpoint.json'), JSON.stringify(checkpoint));
}

function printSummary(result: Record<string, any>, out: string) {
  const f = (v: number) => v.toFixed(5);
  const lines = [
    `${result.interrupted ? 'INTERRUPTED after' : 'done:'} ${result.photons} photons in ${(result.elapsedMs / 1000).toFixed(1)} s (${result.photonsPerSecond} photons/s, ${result.backendDescription})`,
    `  specular reflectance  ${f(result.specularReflectance)}`,
    `  diffuse reflectance   ${f(result.diffuseReflectance)} ± ${f(result.stdErr.diffuseReflectance)}`,
    `  transmittance         ${f(result.transmittance)} ± ${f(result.stdErr.transmittance)}`,
    `  absorbed              ${f(result.absorbed)}`,
    result.steppedOut > 0 ? `  stopped by the step cap: ${result.steppedOut} photons` : '',
    ...(result.notes as string[]).map((n) => `  note: ${n}`),
    `  written to ${out}/result.json${result.interrupted ? ' (resume with --resume)' : ''}`,
  ];
  process.stdout.write(lines.filter(Boolean).join('\n') + '\n');
}
