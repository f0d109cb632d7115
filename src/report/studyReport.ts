import { join } from 'node:path';
import type { SettingResult, StudyOptions } from '../imaging/study.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Phantom } from '../phantom/schema.js';
import { renderReport, type ReportSection } from './html.js';
import { lineChartSvg, type Series } from './plot.js';

const fmt = (x: number, digits = 3) => (Number.isFinite(x) ? x.toPrecision(digits) : '—');

function series(results: SettingResult[], value: (d: SettingResult['depths'][number]) => number, err?: (d: SettingResult['depths'][number]) => number): Series[] {
  return results
    .filter((r) => !r.skipped)
    .map((r) => ({
      name: r.name,
      points: r.depths.filter((d) => Number.isFinite(value(d)) && value(d) > 0).map((d) => ({ x: d.depthMm, y: value(d), ...(err ? { yErr: err(d) } : {}) })),
    }));
}

/** Plain-language comparison of settings at each depth: the sharpest against the brightest. */
export function comparisonSentences(results: SettingResult[], context: string): string[] {
  const usable = results.filter((r) => !r.skipped && r.depths.length > 0);
  if (usable.length < 2) return [];
  const out: string[] = [];
  const depths = usable[0].depths.map((d) => d.depthMm);
  for (const depthMm of depths) {
    const at = usable.map((r) => ({ r, d: r.depths.find((x) => x.depthMm === depthMm)! })).filter((x) => x.d && Number.isFinite(x.d.fwhmMm));
    if (at.length < 2) continue;
    const sharpest = at.reduce((a, b) => (b.d.fwhmMm < a.d.fwhmMm ? b : a));
    const brightest = at.reduce((a, b) => (b.d.signal > a.d.signal ? b : a));
    if (sharpest.r === brightest.r) {
      out.push(`At ${depthMm} mm ${context}, ${sharpest.r.name} is both the sharpest (PSF FWHM ${fmt(sharpest.d.fwhmMm)} ± ${fmt(sharpest.d.fwhmStdErr, 2)} mm) and the brightest.`);
      continue;
    }
    const sharper = brightest.d.fwhmMm / sharpest.d.fwhmMm;
    const signalRatio = sharpest.d.signal / brightest.d.signal;
    const relErr = Math.hypot(sharpest.d.fwhmStdErr / sharpest.d.fwhmMm, brightest.d.fwhmStdErr / brightest.d.fwhmMm);
    out.push(
      `At ${depthMm} mm ${context}, ${sharpest.r.name} gives a ${sharper.toFixed(2)}× (± ${(sharper * relErr).toFixed(2)}) sharper point image than ${brightest.r.name} ` +
        `(FWHM ${fmt(sharpest.d.fwhmMm)} vs ${fmt(brightest.d.fwhmMm)} mm) at ${signalRatio.toPrecision(2)}× its signal; ` +
        `vessel profiles: ${fmt(sharpest.d.vesselFwhmMm)} vs ${fmt(brightest.d.vesselFwhmMm)} mm.`,
    );
  }
  const pen = usable.filter((r) => r.penetrationDepthMm !== null);
  if (pen.length) {
    const best = pen.reduce((a, b) => (b.penetrationDepthMm! > a.penetrationDepthMm! ? b : a));
    out.push(`Deepest penetration (SBR threshold): ${best.name}, ${fmt(best.penetrationDepthMm!)} mm.`);
  }
  return out;
}

export interface StudyReportInput {
  title: string;
  kind: 'windows' | 'filters';
  phantom: Phantom;
  results: SettingResult[];
  study: StudyOptions;
  headline: string;
  conclusions?: string[];
  extraSections?: ReportSection[];
}

/** A chart only when there is something to draw (a run with too few photons may have no finite points). */
async function chart(o: Parameters<typeof lineChartSvg>[0]): Promise<string | undefined> {
  const series = o.series.filter((x) => x.points.length > 0);
  return series.length ? lineChartSvg({ ...o, series }) : undefined;
}

/** Writes the curves as SVG files and a self-contained report.html into dir. */
export async function writeStudyReport(dir: string, input: StudyReportInput): Promise<void> {
  const { results } = input;
  const multiDepth = (results.find((r) => !r.skipped)?.depths.length ?? 0) > 1;
  const svgs: Record<string, string | undefined> = {};
  if (multiDepth) {
    svgs['signal.svg'] = await chart({ title: 'Detected signal vs depth', xLabel: 'emitter depth (mm)', yLabel: 'detected fraction of emitted photons', logY: true, series: series(results, (d) => d.signal, (d) => d.signalStdErr) });
    svgs['fwhm.svg'] = await chart({ title: 'Point-spread function FWHM vs depth', xLabel: 'emitter depth (mm)', yLabel: 'FWHM (mm)', series: series(results, (d) => d.fwhmMm, (d) => d.fwhmStdErr) });
    svgs['vessel-fwhm.svg'] = await chart({ title: `Vessel profile FWHM vs depth (${input.study.targetDiameterMm} mm vessel)`, xLabel: 'vessel depth (mm)', yLabel: 'FWHM (mm)', series: series(results, (d) => d.vesselFwhmMm, (d) => d.vesselFwhmStdErr) });
    svgs['sbr.svg'] = await chart({ title: `Signal-to-background ratio vs depth (TBR ${input.study.targetToBackground})`, xLabel: 'depth (mm)', yLabel: 'SBR (point target)', logY: true, series: series(results, (d) => d.sbr) });
  }
  // MTF at one depth (the middle one of the list), one curve per setting.
  const depthList = results.find((r) => !r.skipped)?.depths.map((d) => d.depthMm) ?? [];
  const mtfDepth = depthList[Math.floor((depthList.length - 1) / 2)];
  const mtfSeries: Series[] = results
    .filter((r) => !r.skipped)
    .map((r) => {
      const d = r.depths.find((x) => x.depthMm === mtfDepth);
      return { name: r.name, points: d ? d.mtf.frequenciesPerMm.map((f, i) => ({ x: f, y: d.mtf.values[i] })).filter((p) => Number.isFinite(p.y)) : [] };
    })
    .filter((s) => s.points.length > 0);
  svgs['mtf.svg'] = await chart({ title: `Modulation transfer function at ${mtfDepth} mm (line spread function)`, xLabel: 'spatial frequency (cycles/mm)', yLabel: 'MTF', series: mtfSeries });
  for (const [name, svg] of Object.entries(svgs)) if (svg) writeFileAtomic(join(dir, name), svg);

  const table = {
    columns: ['setting', 'depth (mm)', 'signal', 'PSF FWHM (mm)', 'vessel FWHM (mm)', 'SBR point', 'SBR vessel', 'MTF50 (1/mm)'],
    rows: results.flatMap((r) =>
      r.skipped
        ? [[r.name, '—', r.skipped, '', '', '', '', '']]
        : r.depths.map((d) => [
            r.name,
            d.depthMm,
            `${d.signal.toExponential(2)} ± ${d.signalStdErr.toExponential(1)}`,
            `${fmt(d.fwhmMm)} ± ${fmt(d.fwhmStdErr, 2)}`,
            `${fmt(d.vesselFwhmMm)} ± ${fmt(d.vesselFwhmStdErr, 2)}`,
            fmt(d.sbr),
            fmt(d.vesselSbr),
            fmt(d.mtf50PerMm),
          ]),
    ),
  };
  const notes = [...new Set(results.flatMap((r) => r.notes))];
  const conclusions = input.conclusions ?? comparisonSentences(results, `in ${input.phantom.name}`);
  const html = renderReport({
    title: input.title,
    subtitle: input.headline,
    sections: [
      { heading: 'Conclusion', paragraphs: conclusions.length ? conclusions : ['Only one setting produced a signal; nothing to compare.'] },
      ...(input.extraSections ?? []),
      { heading: 'Results', tables: [table] },
      { heading: 'Curves', svgs: Object.values(svgs).filter((x): x is string => Boolean(x)) },
      {
        heading: 'Model',
        paragraphs: [
          `Phantom: ${input.phantom.name}${input.phantom.description ? ` — ${input.phantom.description}` : ''}.`,
          `Layers: ${input.phantom.layers.map((l) => `${l.name} (${l.thicknessMm ?? '∞'} mm)`).join(', ')}.`,
          `Excitation: ${input.study.excitationNm ? `included (broad beam, ${input.study.excitationNm} nm)` : 'not included (emitters equally bright at every depth)'}.`,
          `Background: probe at 1/${input.study.targetToBackground} of the target concentration through the tissue to ${input.study.backgroundDepthMm} mm; autofluorescence not modelled.`,
          `Camera: NA ${input.study.camera.numericalAperture}, focused ${input.study.camera.focusDepthMm} mm below the surface. Photons per depth: ${input.study.photons}${input.study.targetFwhmRelErr ? ` (more added until the FWHM relative error ≤ ${input.study.targetFwhmRelErr})` : ''}; seed ${input.study.seed}.`,
        ],
      },
      ...(notes.length ? [{ heading: 'Notes on the data', paragraphs: notes }] : []),
    ],
    footer: 'nirwalk — Monte Carlo photon transport. Every number comes with its Monte Carlo standard error; reproduce with the same phantom, photons and seed.',
  });
  writeFileAtomic(join(dir, 'report.html'), html);
}
