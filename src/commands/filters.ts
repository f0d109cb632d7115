import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { addImagingOptions, checkDepthsInside, imagingConfig, withImagingRun } from './shared/imagingOptions.js';
import { numberArg } from './shared/flags.js';
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
import { addStudyOptions, modelDescription, studyCsv, studyOptions } from './windows.js';

/** Rose criterion: a feature is detectable when its SNR reaches 5 (Rose 1948). */
const ROSE_SNR = 5;

/**
 * Figure of merit: the smallest resolvable feature at a given photon budget. A filter's vessel
 * profile FWHM sets the resolution when light is plentiful; when the signal is shot-noise limited
 * (SNR = √N_s / √(1 + 1/SBR) below the Rose criterion), the resolvable size grows as ROSE_SNR / SNR.
 */
export function resolvableSizeMm(fwhmMm: number, detectedPhotons: number, sbr: number): { sizeMm: number; snr: number } {
  const snr = detectedPhotons > 0 ? Math.sqrt(detectedPhotons) / Math.sqrt(1 + 1 / sbr) : 0;
  return { sizeMm: snr > 0 ? fwhmMm * Math.max(1, ROSE_SNR / snr) : Infinity, snr };
}

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
    .option('--detector <NAME|CSV>', 'camera detector: ingaas, ingaas-extended, si, ideal or a CSV', 'ingaas')
    .option('--photon-budget <N>', 'emitted photons per vessel resolution element (sets the shot-noise limit of the figure of merit)', numberArg('--photon-budget'), 1e6)
    .addOption(new Option('--rank-by <WHAT>', 'figure of merit used for the ranking').choices(['resolvable', 'fwhm', 'signal', 'sbr']).default('resolvable'));
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
      const { camera, backend } = await imagingConfig(phantom, flags);
      const stages = filters.length * (2 + (flags.excitation ? 1 : 0));
      const started = performance.now();
      let study!: ReturnType<typeof studyOptions>;
      const { value: results, interrupted } = await withImagingRun(stages, backend, ({ onProgress, signal }) => {
        study = studyOptions(phantom, { ...flags, depths: [flags.depth] }, camera, backend, onProgress, signal);
        return runSettings(settings.map((setting, i) => ({ name: filters[i].name, setting })), study);
      });
      const entries = results.map((r, i) => {
        const d = r.depths[0];
        const detectedPhotons = d ? flags.photonBudget * d.signal : 0;
        const fom = d ? resolvableSizeMm(d.vesselFwhmMm, detectedPhotons, d.vesselSbr) : { sizeMm: Infinity, snr: 0 };
        return {
          filter: filters[i].name,
          description: filters[i].description,
          passesNothing: !(settings[i].detectedFraction > 0),
          detectedFraction: r.detectedFraction,
          meanWavelengthNm: r.meanWavelengthNm,
          passbandNm: r.passbandNm,
          signal: d?.signal ?? 0,
          signalStdErr: d?.signalStdErr ?? 0,
          fwhmMm: d?.vesselFwhmMm ?? null,
          fwhmStdErr: d?.vesselFwhmStdErr ?? null,
          pointFwhmMm: d?.fwhmMm ?? null,
          pointFwhmStdErr: d?.fwhmStdErr ?? null,
          sbr: d?.vesselSbr ?? null,
          pointSbr: d?.sbr ?? null,
          mtf50PerMm: d?.mtf50PerMm ?? null,
          snrAtBudget: fom.snr,
          resolvableSizeMm: Number.isFinite(fom.sizeMm) ? fom.sizeMm : null,
          notes: r.notes,
        };
      });
      const key = (e: (typeof entries)[number]): number =>
        e.passesNothing
          ? Infinity
          : flags.rankBy === 'fwhm'
            ? (e.fwhmMm ?? Infinity)
            : flags.rankBy === 'signal'
              ? -e.signal
              : flags.rankBy === 'sbr'
                ? -(e.sbr ?? 0)
                : (e.resolvableSizeMm ?? Infinity);
      const ranked = [...entries].sort((a, b) => key(a) - key(b)).map((e, i) => ({ rank: e.passesNothing ? null : i + 1, ...e }));
      const conclusions = filterConclusions(ranked, probe.name, flags.depth, phantom.name, entries[0]);
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
        backend: backend.description,
        elapsedMs: Math.round(performance.now() - started),
        interrupted,
        figureOfMerit: {
          rankBy: flags.rankBy,
          resolvable:
            `smallest resolvable feature = vessel FWHM × max(1, ${ROSE_SNR}/SNR), SNR = √N / √(1 + 1/SBR), ` +
            `N = photon budget (${flags.photonBudget} emitted) × signal; Rose criterion SNR ${ROSE_SNR}. Smaller is better.`,
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

type Entry = { filter: string; signal: number; fwhmMm: number | null; fwhmStdErr: number | null; passesNothing: boolean; rank: number | null };

/** "For ag2s at 2 mm in mouse-hindlimb, 1250LP gives 1.8× sharper vessels at 0.4× the signal of 1000LP." */
export function filterConclusions(ranked: Entry[], probe: string, depthMm: number, phantom: string, reference: Omit<Entry, 'rank'>): string[] {
  const out: string[] = [];
  for (const e of ranked.filter((x) => x.passesNothing)) out.push(`${e.filter} passes nothing of the ${probe} emission on this detector: no signal.`);
  const ref = ranked.find((e) => e.filter === reference.filter);
  if (!ref || ref.passesNothing || !ref.fwhmMm) return out;
  for (const e of ranked) {
    if (e.filter === ref.filter || e.passesNothing || !e.fwhmMm) continue;
    const ratio = ref.fwhmMm / e.fwhmMm;
    const err = ratio * Math.hypot((ref.fwhmStdErr ?? 0) / ref.fwhmMm, (e.fwhmStdErr ?? 0) / e.fwhmMm);
    const word = ratio >= 1 ? `${ratio.toFixed(2)}× (± ${err.toFixed(2)}) sharper` : `${(1 / ratio).toFixed(2)}× (± ${(err / ratio / ratio).toFixed(2)}) broader`;
    out.push(`For ${probe} at ${depthMm} mm in ${phantom}, ${e.filter} gives ${word} vessels at ${(e.signal / ref.signal).toPrecision(2)}× the signal of ${ref.filter} (vessel FWHM ${e.fwhmMm.toPrecision(3)} vs ${ref.fwhmMm.toPrecision(3)} mm).`);
  }
  const best = ranked.find((e) => e.rank === 1);
  if (best) out.push(`Best by the figure of merit: ${best.filter}.`);
  return out;
}
