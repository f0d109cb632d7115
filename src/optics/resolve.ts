import { InputError } from '../errors.js';
import type { LayerSpec, Phantom, SpectralValue } from '../phantom/schema.js';
import { compositionModel } from './composition.js';
import type { OpticsModel } from './model.js';
import { buildPreset } from './presets.js';
import { formatRange, intersectRanges, type RangeNm } from './range.js';
import type { LayerOptics } from './types.js';
import { constantSpectrum, sampledSpectrum, type NoteKind, type OpticsNote, type Spectrum } from './spectrum.js';

export type { LayerOptics };

export interface ResolveOptions {
  /** Allow evaluating fitted scattering laws outside their fitted range (each use adds a note). */
  allowExtrapolation?: boolean;
}

export interface ResolvedLayer {
  optics: LayerOptics;
  notes: string[];
}

export type Quantity = 'mua' | 'scattering' | 'g' | 'n';

export interface LayerNote {
  kind: NoteKind;
  text: string;
  /** Which evaluated quantity raised the note. */
  quantity: Quantity;
}

/** What the optics command needs beyond ResolvedLayer: μs′ and notes with their kind. */
export interface DetailedLayer {
  optics: LayerOptics;
  muspPerMm: number;
  notes: LayerNote[];
}

interface LayerPlan {
  mua: Spectrum;
  g: Spectrum;
  n: Spectrum;
  /** An explicit μs is used as given; otherwise μs = μs′/(1 − g). */
  scattering: { kind: 'mus' | 'musp'; spectrum: Spectrum };
}

export function layerLabel(layer: LayerSpec, index?: number): string {
  return index === undefined ? `layer '${layer.name}'` : `layers[${index}] ('${layer.name}')`;
}

function explicitSpectrum(value: SpectralValue, field: string): Spectrum {
  if (typeof value === 'number') return constantSpectrum(value);
  return sampledSpectrum(
    value.map((p) => p[0]),
    value.map((p) => p[1]),
    `the ${field} spectrum given in the phantom`,
  );
}

function relabel<T>(label: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`${label}: ${e.message}`);
    throw e;
  }
}

/** Base model from `tissue` or `composition`; explicit fields override it channel by channel. */
function planLayer(layer: LayerSpec): LayerPlan {
  let base: OpticsModel | undefined;
  if (layer.tissue !== undefined) base = buildPreset(layer.tissue).built.model;
  else if (layer.composition !== undefined) base = compositionModel(layer.composition);
  const pick = (field: 'muaPerMm' | 'g' | 'n', fromBase: Spectrum | undefined): Spectrum => {
    const value = layer[field];
    if (value !== undefined) return explicitSpectrum(value, field);
    if (fromBase === undefined) throw new InputError(`${field} is missing (give it, or "tissue" or "composition")`);
    return fromBase;
  };
  let scattering: LayerPlan['scattering'];
  if (layer.musPerMm !== undefined) scattering = { kind: 'mus', spectrum: explicitSpectrum(layer.musPerMm, 'musPerMm') };
  else if (layer.musPrimePerMm !== undefined) scattering = { kind: 'musp', spectrum: explicitSpectrum(layer.musPrimePerMm, 'musPrimePerMm') };
  else if (base !== undefined) scattering = { kind: 'musp', spectrum: base.musp };
  else throw new InputError('musPerMm is missing (give musPerMm, musPrimePerMm, "tissue" or "composition")');
  return { mua: pick('muaPerMm', base?.mua), g: pick('g', base?.g), n: pick('n', base?.n), scattering };
}

function planRange(plan: LayerPlan, allowExtrapolation: boolean): RangeNm | null {
  return intersectRanges([plan.mua, plan.g, plan.n, plan.scattering.spectrum].map((s) => s.rangeNm(allowExtrapolation)));
}

function evaluatePlan(plan: LayerPlan, wavelengthNm: number, allowExtrapolation: boolean): DetailedLayer {
  const notes: LayerNote[] = [];
  const ctx = (quantity: Quantity) => ({
    allowExtrapolation,
    note(n: OpticsNote) {
      if (!notes.some((m) => m.text === n.text && m.quantity === quantity)) notes.push({ ...n, quantity });
    },
  });
  const muaPerMm = plan.mua.at(wavelengthNm, ctx('mua'));
  const g = plan.g.at(wavelengthNm, ctx('g'));
  const n = plan.n.at(wavelengthNm, ctx('n'));
  const s = plan.scattering.spectrum.at(wavelengthNm, ctx('scattering'));
  if (!(g > -1 && g < 1)) throw new InputError(`g = ${g} at ${wavelengthNm} nm; it must satisfy -1 < g < 1`);
  const musPerMm = plan.scattering.kind === 'mus' ? s : s / (1 - g);
  const muspPerMm = plan.scattering.kind === 'mus' ? s * (1 - g) : s;
  for (const [name, v] of [['μa', muaPerMm], ['μs', musPerMm]] as const) {
    if (!(Number.isFinite(v) && v >= 0)) throw new InputError(`${name} = ${v} /mm at ${wavelengthNm} nm; it must be finite and ≥ 0`);
  }
  if (!(n >= 1)) throw new InputError(`n = ${n} at ${wavelengthNm} nm; it must be ≥ 1`);
  return { optics: { muaPerMm, musPerMm, g, n }, muspPerMm, notes };
}

/** Like resolveLayerOptics, with μs′ and note kinds, and errors and notes prefixed by `label`. */
export function resolveLayerDetailed(
  layer: LayerSpec,
  wavelengthNm: number | undefined,
  options: ResolveOptions,
  label: string,
): DetailedLayer {
  const allow = options.allowExtrapolation === true;
  return relabel(label, () => {
    const plan = planLayer(layer);
    if (wavelengthNm === undefined) {
      if (planRange(plan, allow) !== null) throw new InputError('needs a wavelength (--wavelength NM)');
      return evaluatePlan(plan, Number.NaN, allow);
    }
    if (!(wavelengthNm > 0 && Number.isFinite(wavelengthNm))) throw new InputError(`wavelength must be a positive number of nm (got ${wavelengthNm})`);
    const out = evaluatePlan(plan, wavelengthNm, allow);
    return { ...out, notes: out.notes.map((n) => ({ ...n, text: `${label}: ${n.text}` })) };
  });
}

export function resolveLayerOptics(layer: LayerSpec, wavelengthNm: number | undefined, options: ResolveOptions = {}): ResolvedLayer {
  const r = resolveLayerDetailed(layer, wavelengthNm, options, layerLabel(layer));
  return { optics: r.optics, notes: [...new Set(r.notes.map((n) => n.text))] };
}

export function resolvePhantomOptics(
  phantom: Phantom,
  wavelengthNm: number | undefined,
  options: ResolveOptions = {},
): { layers: LayerOptics[]; notes: string[] } {
  const layers: LayerOptics[] = [];
  const notes: string[] = [];
  // A phantom file may opt in itself (its author accepts extrapolated scattering); notes still flag each use.
  const effective = { ...options, allowExtrapolation: options.allowExtrapolation === true || phantom.allowExtrapolation === true };
  phantom.layers.forEach((layer, i) => {
    const r = resolveLayerDetailed(layer, wavelengthNm, effective, layerLabel(layer, i));
    layers.push(r.optics);
    for (const n of r.notes) if (!notes.includes(n.text)) notes.push(n.text);
  });
  return { layers, notes };
}

/** Wavelengths at which the layer resolves (null: the same optics at every wavelength). */
export function layerWavelengthRangeNm(layer: LayerSpec, options: ResolveOptions = {}, label = layerLabel(layer)): RangeNm | null {
  return relabel(label, () => planRange(planLayer(layer), options.allowExtrapolation === true));
}

/**
 * Intersection of the layers' usable ranges (without extrapolation unless options allow it);
 * null when no layer depends on wavelength. An empty intersection is an InputError naming each layer's range.
 */
export function phantomWavelengthRangeNm(phantom: Phantom, options: ResolveOptions = {}): [number, number] | null {
  const ranges = phantom.layers.map((layer, i) => layerWavelengthRangeNm(layer, options, layerLabel(layer, i)));
  const all = intersectRanges(ranges);
  if (all === null) return null;
  if (all[0] > all[1]) {
    const each = phantom.layers
      .map((layer, i) => `${layerLabel(layer, i)} ${ranges[i] === null ? 'any wavelength' : formatRange(ranges[i] as RangeNm)}`)
      .join('; ');
    throw new InputError(`the layers have no wavelength range in common: ${each}`);
  }
  return [all[0], all[1]];
}
