import { join } from 'node:path';
import type { Command } from 'commander';
import { addImagingOptions, backendFromFlags, cameraFromFlags, checkDepthsInside, depthsArg } from './shared/imagingOptions.js';
import { withRun } from './shared/lifecycle.js';
import { addStudyOptions, studyOptions } from './shared/studyOptions.js';
import { digestOf } from '../digest.js';
import { settingKey } from '../engine/seeds.js';
import { withOutputDir, writeFileAtomic } from '../io/atomic.js';
import { runSettings, type SettingResult, type StudyOptions } from '../imaging/study.js';
import { modelDescription } from '../imaging/studyModel.js';
import { spectralSetting } from '../imaging/spectralSetting.js';
import { loadPhantom } from '../phantom/load.js';
import { studyCsv } from '../report/studyCsv.js';
import { writeStudyReport } from '../report/studyReport.js';
import { getDetector, getProbe, getWindow, idealDetector } from '../spectral/index.js';
import { VERSION } from '../version.js';

const ALL_WINDOWS = ['NIR-I', 'NIR-II', 'NIR-IIa', 'NIR-IIx', 'NIR-IIb'];

export function register(program: Command): void {
  const cmd = program
    .command('windows')
    .summary('compare emission windows: signal, PSF/vessel FWHM, MTF, SBR vs depth')
    .description(
      'Compare emission windows: for a point emitter on the axis at each depth, the detected signal,\n' +
        'the surface PSF FWHM, the vessel profile FWHM, the MTF and the signal-to-background ratio.\n' +
        'Writes DIR/windows.json, windows.csv, plots (SVG) and a self-contained report.html.',
    )
    .argument('<phantom>', 'phantom JSON file')
    .requiredOption('--depths <MM,...>', 'emitter depths in mm, e.g. 0.5,1,2,3', depthsArg)
    .requiredOption('--out <DIR>', 'output folder')
    .option('--windows <LIST>', `windows to compare (${ALL_WINDOWS.join(', ')})`, ALL_WINDOWS.join(','))
    .option('--probe <NAME|CSV>', 'emission spectrum (default: flat across each window)')
    .option('--detector <NAME|CSV>', 'detector quantum efficiency (default: ideal, QE = 1)');
  addImagingOptions(cmd, { photons: 50_000 });
  addStudyOptions(cmd)
    .addHelpText(
      'after',
      '\nExample:\n  nirwalk windows phantoms/mouse-hindlimb.json --depths 0.5,1,2,3 --photons 50000 --seed 1 --out out/windows\n',
    )
    .action(async (phantomPath: string, flags) => {
      const phantom = loadPhantom(phantomPath);
      checkDepthsInside(phantom, flags.depths);
      const windows = String(flags.windows).split(',').map((w) => getWindow(w.trim()));
      const probe = flags.probe ? getProbe(flags.probe) : undefined;
      const detector = flags.detector ? getDetector(flags.detector) : idealDetector();
      const settings = windows.map((w) =>
        spectralSetting(settingKey({ window: w.name, probe: probe?.name, detector: detector.name }), w.name, { window: w, probe, detector }, flags.spectralBins),
      );
      const camera = cameraFromFlags(phantom, flags);
      const stages = windows.length * (flags.depths.length + 1 + (flags.excitation ? 1 : 0));
      const started = performance.now();
      let study!: StudyOptions;
      const { value: results, interrupted, backend } = await withRun({ progress: { stages }, backend: backendFromFlags(flags), interruptible: true }, ({ backend, onProgress, signal }) => {
        study = studyOptions(phantom, flags, camera, backend, onProgress, signal);
        return runSettings(settings.map((setting, i) => ({ name: windows[i].name, setting })), study);
      });
      const document = {
        nirwalk: VERSION,
        phantom: phantom.name,
        inputDigest: digestOf({ phantom, flags: { ...flags, threads: undefined, backend: undefined } }),
        photonsPerDepth: flags.photons,
        seed: flags.seed,
        backend: backend!.description,
        adapter: backend!.adapter ?? null,
        elapsedMs: Math.round(performance.now() - started),
        interrupted,
        emitter: probe ? { probe: probe.name, citation: probe.citation } : { probe: 'flat across each window' },
        detector: detector.name,
        camera,
        model: modelDescription(study),
        windows: results.map((r, i) => ({ ...r, rangeNm: windows[i].rangeNm })),
      };
      await withOutputDir(flags.out, (dir) => {
        writeFileAtomic(join(dir, 'windows.json'), JSON.stringify(document, null, 2) + '\n');
        writeFileAtomic(join(dir, 'windows.csv'), studyCsv(results));
        return writeStudyReport(dir, {
          title: `Emission windows through ${phantom.name}`,
          kind: 'windows',
          phantom,
          results,
          study,
          headline: `${probe ? probe.name : 'flat emitter'} · ${detector.name} detector`,
        });
      });
      process.stdout.write(summaryTable(results) + `\nwritten to ${flags.out}/windows.json and report.html\n`);
    });
}

function summaryTable(results: SettingResult[]): string {
  const lines = ['setting     depth  signal       FWHM (mm)        vessel FWHM      SBR'];
  for (const r of results) {
    if (r.skipped) {
      lines.push(`${r.name.padEnd(11)} ${r.skipped}`);
      continue;
    }
    for (const d of r.depths) {
      lines.push(
        `${r.name.padEnd(11)} ${d.depthMm.toFixed(2).padStart(5)}  ${d.signal.toExponential(2)}    ${d.fwhmMm.toFixed(3)} ± ${d.fwhmStdErr.toFixed(3)}    ${d.vesselFwhmMm.toFixed(3)} ± ${d.vesselFwhmStdErr.toFixed(3)}    ${d.sbr.toPrecision(3)}`,
      );
    }
  }
  return lines.join('\n');
}
