import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { addImagingOptions, backendFromFlags, cameraFromFlags, checkDepthsInside } from './shared/imagingOptions.js';
import { numberArg } from './shared/flags.js';
import { withRun } from './shared/lifecycle.js';
import { addStudyOptions, studyOptions } from './shared/studyOptions.js';
import { digestOf } from '../digest.js';
import { settingKey } from '../engine/seeds.js';
import { InputError } from '../errors.js';
import { runSettings } from '../imaging/study.js';
import { spectralSetting } from '../imaging/spectralSetting.js';
import { withOutputDir, writeFileAtomic } from '../io/atomic.js';
import { loadPhantom } from '../phantom/load.js';
import { writeStudyReport } from '../report/studyReport.js';
import { getDetector, getFilter, getProbe } from '../spectral/index.js';
import { VERSION } from '../version.js';
import { filterConclusions, figureOfMeritText, rankFilters, RANK_BY } from '../imaging/filterRanking.js';
import { modelDescription } from '../imaging/studyModel.js';
import { studyCsv } from '../report/studyCsv.js';

export function register(program: Command): void {
  const cmd = program
    .command('filters')
    .summary('rank emission filters for a probe, detector and vessel depth')
    .description(
      'Rank emission filters for a probe, detector and vessel depth: signal, vessel profile FWHM,\n' +
        'SBR and the smallest resolvable feature at a photon budget (Rose criterion). Writes\n' +
        'DIR/filters.json, filters.csv, plots and report.html.',
    )
    .argument('<phantom>', 'phantom JSON file')
    .requiredOption('--probe <NAME|CSV>', 'emission spectrum: a catalogue name (see docs/spectral.md) or a CSV wavelength_nm,intensity')
    .requiredOption('--filters <LIST>', 'filters to compare, e.g. 1000LP,1250LP,BP1300-1400 or CSV files')
    .requiredOption('--depth <MM>', 'vessel depth in mm', numberArg('--depth'))
    .requiredOption('--out <DIR>', 'output folder')
    .option('--detector <NAME|CSV>', 'detector quantum efficiency: ingaas, ingaas-extended, si, ideal or a CSV', 'ingaas')
    .option('--photon-budget <N>', 'emitted photons per vessel resolution element (sets the shot-noise limit of the figure of merit)', numberArg('--photon-budget'), 1e6)
    .addOption(new Option('--rank-by <WHAT>', 'figure of merit used for the ranking').choices(RANK_BY).default('resolvable'));
  addImagingOptions(cmd, { photons: 50_000 });
  addStudyOptions(cmd)
    .addHelpText('after', '\nExample:\n  nirwalk filters phantoms/mouse-hindlimb.json --probe ag2s --detector ingaas --filters 1000LP,1250LP,1400LP --depth 2 --out out/filters\n')
    .action(async (phantomPath: string, flags) => {
      const phantom = loadPhantom(phantomPath);
      checkDepthsInside(phantom, [flags.depth], '--depth');
      const probe = getProbe(flags.probe);
      const detector = getDetector(flags.detector);
      const names = String(flags.filters).split(',').map((f) => f.trim()).filter(Boolean);
      if (names.length === 0) throw new InputError('--filters: give at least one filter');
      const filters = names.map((n) => getFilter(n));
      const settings = filters.map((f) => spectralSetting(settingKey({ filter: f.name, probe: probe.name, detector: detector.name }), f.name, { probe, filter: f, detector }, flags.spectralBins));
      const camera = cameraFromFlags(phantom, flags);
      const stages = filters.length * (2 + (flags.excitation ? 1 : 0));
      const started = performance.now();
      let study!: ReturnType<typeof studyOptions>;
      const { value: results, interrupted, backend } = await withRun({ progress: { stages }, backend: backendFromFlags(flags), interruptible: true }, ({ backend, onProgress, signal }) => {
        study = studyOptions(phantom, { ...flags, depths: [flags.depth] }, camera, backend, onProgress, signal);
        return runSettings(settings.map((setting, i) => ({ name: filters[i].name, setting })), study);
      });
      const ranked = rankFilters(results, settings, filters, { photonBudget: flags.photonBudget, rankBy: flags.rankBy });
      const conclusions = filterConclusions(ranked, probe.name, flags.depth, phantom.name, ranked.find((e) => e.filter === filters[0].name)!);
      const document = {
        nirwalk: VERSION,
        phantom: phantom.name,
        inputDigest: digestOf({ phantom, flags: { ...flags, threads: undefined, backend: undefined } }),
        probe: { name: probe.name, citation: probe.citation, description: probe.description },
        detector: { name: detector.name, source: detector.source },
        depthMm: flags.depth,
        emitter: `vessel (line along y) ${flags.targetDiameterMm} mm across at ${flags.depth} mm`,
        photonsPerFilter: flags.photons,
        seed: flags.seed,
        backend: backend!.description,
        elapsedMs: Math.round(performance.now() - started),
        interrupted,
        figureOfMerit: {
          rankBy: flags.rankBy,
          resolvable:
            figureOfMeritText(flags.photonBudget),
        },
        model: modelDescription(study),
        conclusions,
        filters: ranked,
      };
      await withOutputDir(flags.out, (dir) => {
        writeFileAtomic(join(dir, 'filters.json'), JSON.stringify(document, null, 2) + '\n');
        writeFileAtomic(join(dir, 'filters.csv'), studyCsv(results));
        return writeStudyReport(dir, {
          title: `Filters for ${probe.name} at ${flags.depth} mm in ${phantom.name}`,
          kind: 'filters',
          phantom,
          results,
          study,
          headline: `${probe.name} · ${detector.name} detector · vessel ${flags.targetDiameterMm} mm at ${flags.depth} mm`,
          conclusions,
          extraSections: [
            {
              heading: 'Ranking',
              paragraphs: [document.figureOfMerit.resolvable],
              tables: [
                {
                  columns: ['rank', 'filter', 'signal', 'vessel FWHM (mm)', 'SBR', 'resolvable (mm)'],
                  rows: ranked.map((e) => [
                    e.rank ?? '—',
                    e.filter,
                    e.passesNothing ? 'passes nothing of the probe' : e.signal.toExponential(2),
                    e.fwhmMm === null ? '—' : `${e.fwhmMm.toPrecision(3)} ± ${(e.fwhmStdErr ?? NaN).toPrecision(2)}`,
                    e.sbr === null ? '—' : e.sbr.toPrecision(3),
                    e.resolvableSizeMm === null ? '—' : e.resolvableSizeMm.toPrecision(3),
                  ]),
                },
              ],
            },
          ],
        });
      });
      process.stdout.write(ranked.map((e) => `${String(e.rank ?? '-').padStart(2)}. ${e.filter.padEnd(14)} ${e.passesNothing ? 'passes nothing of the probe' : `signal ${e.signal.toExponential(2)}  vessel FWHM ${e.fwhmMm?.toFixed(3)} ± ${e.fwhmStdErr?.toFixed(3)} mm  SBR ${e.sbr?.toPrecision(3)}`}`).join('\n') + '\n');
      process.stdout.write(conclusions.join('\n') + `\nwritten to ${flags.out}/filters.json and report.html\n`);
    });
}
