import type { SourceSpec } from '../phantom/schema.js';
import type { TransportProblem } from './types.js';

/**
 * Every source kind in one table: its code in the transport kernel (`constants.sourceType`), the
 * source constants the kernel reads, and its launch physics (specular reflection, start layer).
 * Adding a kind: an entry here, its launch branch in kernels/transport.js and, if phantom files may
 * name it, its schema in phantom/schema.ts.
 */
export type EngineSource =
  | { type: 'pencil' }
  | { type: 'isotropic'; positionMm: [number, number, number] }
  | { type: 'line'; xMm: number; depthMm: number; lengthMm: number; radiusMm: number }
  /** Isotropic emitters spread uniformly in depth over [fromMm, toMm] on the z-axis (a uniform layer's image). */
  | { type: 'depth-range'; fromMm: number; toMm: number };

export type SourceKind = EngineSource['type'];

/** Names of the kernel constants that describe the source (part of TransportConstants). */
export const SOURCE_CONSTANT_NAMES = ['sourceType', 'launchWeight', 'startLayer', 'sourceX', 'sourceY', 'sourceZ', 'sourceLength', 'sourceRadius'] as const;
export type SourceConstants = Record<(typeof SOURCE_CONSTANT_NAMES)[number], number>;

/** Weight that enters the tissue per launched packet, and the layer it starts in. */
export interface Launch {
  specular: number;
  launchWeight: number;
  startLayer: number;
}

type Geometry = Pick<SourceConstants, 'sourceX' | 'sourceY' | 'sourceZ' | 'sourceLength' | 'sourceRadius'>;

interface SourceKindEntry<S extends EngineSource> {
  /** `constants.sourceType` in kernels/transport.js. */
  code: number;
  geometry(source: S): Geometry;
  launch(problem: TransportProblem): Launch;
  /** The engine source for a phantom file's `source` (kinds phantom files can name). */
  fromSpec?(spec: Extract<SourceSpec, { type: S['type'] }>): S;
}

/** Normal-incidence reflectance ((n1 − n2)/(n1 + n2))² (MCML's specular reflection for a pencil beam). */
export function specularReflectance(n1: number, n2: number): number {
  const r = (n1 - n2) / (n1 + n2);
  return r * r;
}

/**
 * Specular reflection of the pencil beam and the layer it starts in, as MCML's Rspecular and
 * LaunchPhoton: when the first layer is clear (μa = μs = 0 at every wavelength) and there is a layer
 * below it, the glass layer's multiple reflections r1 + (1 − r1)²·r2 / (1 − r1·r2) count as specular
 * and the packet starts at the top of the second layer.
 */
function pencilLaunch(problem: TransportProblem): Launch {
  const first = problem.opticsByBin.map((layers) => layers[0]);
  const r1 = specularReflectance(problem.ambientN, first[0].n);
  const clear = first.every((o) => o.muaPerMm === 0 && o.musPerMm === 0);
  if (!clear || problem.thicknessesMm.length < 2) return { specular: r1, launchWeight: 1 - r1, startLayer: 0 };
  const r2 = specularReflectance(first[0].n, problem.opticsByBin[0][1].n);
  const specular = r1 + ((1 - r1) * (1 - r1) * r2) / (1 - r1 * r2);
  return { specular, launchWeight: 1 - specular, startLayer: 1 };
}

/** Sources inside the tissue: no surface crossing at launch, full weight. */
const internalLaunch = (): Launch => ({ specular: 0, launchWeight: 1, startLayer: 0 });
const NO_GEOMETRY: Geometry = { sourceX: 0, sourceY: 0, sourceZ: 0, sourceLength: 0, sourceRadius: 0 };

export const SOURCE_KINDS: { [K in SourceKind]: SourceKindEntry<Extract<EngineSource, { type: K }>> } = {
  pencil: {
    code: 0,
    geometry: () => NO_GEOMETRY,
    launch: pencilLaunch,
    fromSpec: () => ({ type: 'pencil' }),
  },
  isotropic: {
    code: 1,
    geometry: (s) => ({ ...NO_GEOMETRY, sourceX: s.positionMm[0], sourceY: s.positionMm[1], sourceZ: s.positionMm[2] }),
    launch: internalLaunch,
    fromSpec: (s) => ({ type: 'isotropic', positionMm: s.positionMm }),
  },
  line: {
    code: 2,
    geometry: (s) => ({ ...NO_GEOMETRY, sourceX: s.xMm, sourceZ: s.depthMm, sourceLength: s.lengthMm, sourceRadius: s.radiusMm }),
    launch: internalLaunch,
    fromSpec: (s) => ({ type: 'line', xMm: s.xMm, depthMm: s.depthMm, lengthMm: s.lengthMm, radiusMm: s.radiusMm }),
  },
  'depth-range': {
    code: 3,
    geometry: (s) => ({ ...NO_GEOMETRY, sourceZ: s.fromMm, sourceLength: s.toMm - s.fromMm }),
    launch: internalLaunch,
  },
};

function entryOf<S extends EngineSource>(source: S): SourceKindEntry<S> {
  return SOURCE_KINDS[source.type] as unknown as SourceKindEntry<S>;
}

/** The launch (specular reflection, weight entering the tissue, start layer) of a problem's source. */
export function sourceLaunch(problem: TransportProblem): Launch {
  return entryOf(problem.source).launch(problem);
}

/** The source constants of the transport kernel for a problem. */
export function sourceConstants(problem: TransportProblem): SourceConstants {
  const entry = entryOf(problem.source);
  const { launchWeight, startLayer } = entry.launch(problem);
  return { sourceType: entry.code, launchWeight, startLayer, ...entry.geometry(problem.source) };
}

/** The engine source for a phantom file's source. */
export function engineSource(spec: SourceSpec): EngineSource {
  const entry = SOURCE_KINDS[spec.type] as SourceKindEntry<EngineSource>;
  if (!entry.fromSpec) throw new Error(`source kind ${spec.type} cannot come from a phantom file`);
  return entry.fromSpec(spec as never);
}
