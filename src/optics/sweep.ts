import { InputError } from '../errors.js';
import type { LayerSpec, Phantom } from '../phantom/schema.js';
import { layerLabel, resolveLayerDetailed, type LayerNote, type Quantity } from './resolve.js';
import type { NoteKind } from './spectrum.js';

export interface SweepLayer {
  index: number;
  label: string;
  spec: LayerSpec;
  muaPerMm: number[];
  musPerMm: number[];
  muspPerMm: number[];
  g: number[];
  n: number[];
  /** Notes raised at each wavelength. */
  notesAt: LayerNote[][];
}

export interface SweepNote {
  kind: NoteKind;
  quantity: Quantity;
  text: string;
  fromNm: number;
  toNm: number;
}

export interface OpticsSweep {
  wavelengthsNm: number[];
  layers: SweepLayer[];
  notes: SweepNote[];
}

export const MAX_SWEEP_POINTS = 100_000;

/** from, from + step, ... up to `to` (inclusive when it falls on the grid). */
export function wavelengthGrid(fromNm: number, toNm: number, stepNm: number): number[] {
  if (!(fromNm > 0)) throw new InputError(`--from must be > 0 nm (got ${fromNm})`);
  if (!(toNm >= fromNm)) throw new InputError(`--to (${toNm} nm) must be ≥ --from (${fromNm} nm)`);
  if (!(stepNm > 0)) throw new InputError(`--step must be > 0 nm (got ${stepNm})`);
  const count = Math.floor((toNm - fromNm) / stepNm + 1e-9) + 1;
  if (count > MAX_SWEEP_POINTS) throw new InputError(`${count} wavelengths requested; at most ${MAX_SWEEP_POINTS} (raise --step)`);
  return Array.from({ length: count }, (_, i) => +(fromNm + i * stepNm).toFixed(9));
}

/**
 * Resolves every layer at every wavelength. `labelFor` names a layer in errors and notes.
 * Extrapolation is always evaluated here (this is a display tool); the notes say where it happened.
 */
export function sweepPhantomOptics(
  phantom: Phantom,
  wavelengthsNm: number[],
  labelFor: (layer: LayerSpec, index: number) => string = layerLabel,
): OpticsSweep {
  const notes = new Map<string, SweepNote>();
  const layers = phantom.layers.map((spec, index): SweepLayer => {
    const label = labelFor(spec, index);
    const out: SweepLayer = { index, label, spec, muaPerMm: [], musPerMm: [], muspPerMm: [], g: [], n: [], notesAt: [] };
    for (const nm of wavelengthsNm) {
      const r = resolveLayerDetailed(spec, nm, { allowExtrapolation: true }, label);
      out.muaPerMm.push(r.optics.muaPerMm);
      out.musPerMm.push(r.optics.musPerMm);
      out.muspPerMm.push(r.muspPerMm);
      out.g.push(r.optics.g);
      out.n.push(r.optics.n);
      out.notesAt.push(r.notes);
      for (const note of r.notes) {
        const seen = notes.get(note.text);
        if (seen) {
          seen.fromNm = Math.min(seen.fromNm, nm);
          seen.toNm = Math.max(seen.toNm, nm);
        } else {
          notes.set(note.text, { ...note, fromNm: nm, toNm: nm });
        }
      }
    }
    return out;
  });
  return { wavelengthsNm, layers, notes: [...notes.values()] };
}
