import { BLOOD_CITATION } from '../optics/blood.js';
import { FAT_CITATION } from '../optics/fat.js';
import { JACQUES_2013_CITATION } from '../optics/jacquesTables.js';
import { MELANOSOME_CITATION } from '../optics/melanosome.js';
import { buildPreset } from '../optics/presets.js';
import type { LayerNote } from '../optics/resolve.js';
import type { NoteKind } from '../optics/spectrum.js';
import type { OpticsSweep, SweepLayer } from '../optics/sweep.js';
import { WATER_CITATION } from '../optics/water.js';

export const NOTE_MARKERS: Record<NoteKind, string> = { extrapolated: '*', uncited: '^', caveat: '~' };

const NOTE_HEADINGS: Record<NoteKind, string> = {
  extrapolated: 'extrapolated beyond a fitted range',
  uncited: 'depends on UNCITED data (stop-gap)',
  caveat: 'caveat from the source',
};

type Column = 'mua' | 'mus' | 'musp' | 'g' | 'n';

/** μs and μs′ depend on g as well as on the scattering law (one of them is μs′/(1 − g) or μs·(1 − g)). */
const AFFECTS: Record<Column, LayerNote['quantity'][]> = {
  mua: ['mua'],
  mus: ['scattering', 'g'],
  musp: ['scattering', 'g'],
  g: ['g'],
  n: ['n'],
};

export function cellKinds(notes: LayerNote[], column: Column): NoteKind[] {
  return [...new Set(notes.filter((n) => AFFECTS[column].includes(n.quantity)).map((n) => n.kind))];
}

function formatValue(v: number): string {
  if (v === 0) return '0';
  return Number(v.toPrecision(4)).toString();
}

const COLUMNS: { key: Column; title: string }[] = [
  { key: 'mua', title: 'μa (1/mm)' },
  { key: 'mus', title: 'μs (1/mm)' },
  { key: 'musp', title: 'μs′ (1/mm)' },
  { key: 'g', title: 'g' },
  { key: 'n', title: 'n' },
];

function values(layer: SweepLayer, key: Column): number[] {
  return { mua: layer.muaPerMm, mus: layer.musPerMm, musp: layer.muspPerMm, g: layer.g, n: layer.n }[key];
}

export function noteLines(sweep: OpticsSweep): string[] {
  return sweep.notes.map(
    (n) => `${NOTE_MARKERS[n.kind]} ${NOTE_HEADINGS[n.kind]}: ${n.text} (${n.fromNm === n.toNm ? `at ${n.fromNm}` : `${n.fromNm}–${n.toNm}`} nm)`,
  );
}

/** A fixed-width text table: λ, then μa, μs, μs′, g, n for each layer, then footnotes. */
export function formatSweepTable(sweep: OpticsSweep): string {
  const width = 12;
  const lambdaWidth = 9;
  const pad = (s: string, w = width) => s.padEnd(w);
  const lines: string[] = [];
  lines.push(pad('', lambdaWidth) + sweep.layers.map((l) => pad(l.label, width * COLUMNS.length)).join(''));
  lines.push(pad('λ (nm)', lambdaWidth) + sweep.layers.map(() => COLUMNS.map((c) => pad(c.title)).join('')).join(''));
  sweep.wavelengthsNm.forEach((nm, i) => {
    const cells = sweep.layers.map((l) =>
      COLUMNS.map((c) => {
        const marks = cellKinds(l.notesAt[i], c.key)
          .map((k) => NOTE_MARKERS[k])
          .join('');
        return pad(formatValue(values(l, c.key)[i]) + marks);
      }).join(''),
    );
    lines.push(pad(String(nm), lambdaWidth) + cells.join(''));
  });
  const notes = noteLines(sweep);
  if (notes.length > 0) lines.push('', ...notes);
  return lines.map((l) => l.trimEnd()).join('\n') + '\n';
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Long format: one row per wavelength and layer. `flags` lists quantity:kind pairs, e.g. scattering:extrapolated. */
export function sweepCsv(sweep: OpticsSweep): string {
  const rows = ['wavelength_nm,layer_index,layer,mua_per_mm,mus_per_mm,musp_per_mm,g,n,flags'];
  sweep.wavelengthsNm.forEach((nm, i) => {
    for (const l of sweep.layers) {
      const flags = [...new Set(l.notesAt[i].map((n) => `${n.quantity}:${n.kind}`))].join(';');
      rows.push(
        [nm, l.index, csvCell(l.spec.name), l.muaPerMm[i], l.musPerMm[i], l.muspPerMm[i], l.g[i], l.n[i], flags].join(','),
      );
    }
  });
  return rows.join('\n') + '\n';
}

function layerSources(l: SweepLayer): { model: string; citations: string[] } {
  if (l.spec.tissue !== undefined) {
    const { preset, built } = buildPreset(l.spec.tissue);
    return { model: `tissue preset '${preset.name}': ${preset.description}`, citations: [...built.parameters, ...built.dataSources] };
  }
  if (l.spec.composition !== undefined) {
    const c = l.spec.composition;
    const citations = [JACQUES_2013_CITATION];
    if (c.bloodFraction > 0) citations.push(BLOOD_CITATION);
    if (c.waterFraction > 0) citations.push(WATER_CITATION);
    if (c.fatFraction > 0) citations.push(FAT_CITATION);
    if (c.melanosomeFraction > 0) citations.push(MELANOSOME_CITATION);
    return { model: 'composition given in the phantom', citations };
  }
  return { model: 'explicit values given in the phantom', citations: [] };
}

export function sweepJson(sweep: OpticsSweep, meta: { target: string; allowExtrapolation: boolean }): string {
  const overrides = (l: SweepLayer) =>
    (['muaPerMm', 'musPerMm', 'musPrimePerMm', 'g', 'n'] as const).filter((k) => l.spec[k] !== undefined && (l.spec.tissue || l.spec.composition));
  const out = {
    generatedBy: 'nirwalk optics',
    target: meta.target,
    units: { wavelength: 'nm', coefficients: '1/mm' },
    allowExtrapolation: meta.allowExtrapolation,
    wavelengthsNm: sweep.wavelengthsNm,
    layers: sweep.layers.map((l) => ({
      index: l.index,
      name: l.spec.name,
      label: l.label,
      thicknessMm: l.spec.thicknessMm,
      ...layerSources(l),
      overriddenFields: overrides(l),
      muaPerMm: l.muaPerMm,
      musPerMm: l.musPerMm,
      muspPerMm: l.muspPerMm,
      g: l.g,
      n: l.n,
    })),
    notes: sweep.notes.map((n) => ({ kind: n.kind, quantity: n.quantity, text: n.text, fromNm: n.fromNm, toNm: n.toNm })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
