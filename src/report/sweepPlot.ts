import { stackedLineChartsSvg, type Band, type Series } from './plot.js';
import { cellKinds } from './sweepOutput.js';
import type { NoteKind } from '../optics/spectrum.js';
import type { OpticsSweep, SweepLayer } from '../optics/sweep.js';

/** NIR imaging windows shaded on wavelength plots. */
export const NIR_WINDOWS: Band[] = [
  { fromX: 700, toX: 900, label: 'NIR-I' },
  { fromX: 1000, toX: 1700, label: 'NIR-II' },
  { fromX: 1300, toX: 1400, label: 'NIR-IIa' },
  { fromX: 1400, toX: 1500, label: 'NIR-IIx' },
  { fromX: 1500, toX: 1700, label: 'NIR-IIb' },
];

const KIND_WORDS: Record<NoteKind, string> = { extrapolated: 'extrapolated', uncited: 'UNCITED data', caveat: 'caveat in the source' };

/**
 * Splits one layer's curve into runs that are solid (plain data) or dashed (flagged: extrapolated
 * or UNCITED). A dashed run reaches out to its unflagged neighbours so the line stays continuous.
 */
function runs(sweep: OpticsSweep, layer: SweepLayer, values: number[], column: 'mua' | 'musp', group: string): Series[] {
  const flagged = sweep.wavelengthsNm.map((_, i) => cellKinds(layer.notesAt[i], column).length > 0);
  const last = flagged.length - 1;
  const out: Series[] = [];
  let start = 0;
  for (let end = 0; end <= last; end++) {
    if (end < last && flagged[end + 1] === flagged[start]) continue;
    const dashed = flagged[start];
    const from = dashed ? Math.max(0, start - 1) : start;
    const to = dashed ? Math.min(last, end + 1) : end;
    const points = [];
    for (let k = from; k <= to; k++) points.push({ x: sweep.wavelengthsNm[k], y: values[k] });
    out.push({ name: `${group} ${column} ${start}`, group, dashed, points });
    start = end + 1;
  }
  return out;
}

export async function sweepSvg(sweep: OpticsSweep, title: string): Promise<string> {
  const groups = sweep.layers.map((l) => {
    const tissue = l.spec.tissue ? ` (${l.spec.tissue})` : '';
    const base = l.spec.tissue && l.spec.tissue === l.spec.name ? l.spec.name : `${l.spec.name}${tissue}`;
    return sweep.layers.length > 1 ? `${l.index}: ${base}` : base;
  });
  const dashNote = (column: 'mua' | 'musp', symbol: string) => {
    const kinds = new Set(sweep.layers.flatMap((l) => l.notesAt.flatMap((n) => cellKinds(n, column))));
    return kinds.size ? `dashed ${symbol}: ${[...kinds].map((k) => KIND_WORDS[k]).join(' / ')}` : '';
  };
  const dashNotes = [dashNote('mua', 'μa'), dashNote('musp', 'μs′')].filter(Boolean);
  const common = { xLabel: 'wavelength (nm)', logY: true, bands: NIR_WINDOWS, width: 680, height: 260 };
  const charts = [
    {
      ...common,
      title: 'Absorption coefficient μa',
      yLabel: 'μa (1/mm)',
      series: sweep.layers.flatMap((l, i) => runs(sweep, l, l.muaPerMm, 'mua', groups[i])),
    },
    {
      ...common,
      title: 'Reduced scattering coefficient μs′ = μs(1 − g)',
      yLabel: 'μs′ (1/mm)',
      series: sweep.layers.flatMap((l, i) => runs(sweep, l, l.muspPerMm, 'musp', groups[i])),
    },
  ].filter((c) => c.series.some((s) => s.points.some((p) => p.y > 0)));
  return stackedLineChartsSvg({ title, subtitle: dashNotes.length ? dashNotes.join(' · ') : undefined, charts });
}
