import { buildProblem, type ProblemOptions } from '../../src/engine/problem.js';
import { runTransport } from '../../src/engine/run.js';
import type { BackendName, LayerOptics, RunOptions } from '../../src/engine/types.js';
import { parsePhantom } from '../../src/phantom/load.js';
import { ExitTally, type ExitTallySpec } from '../../src/tallies/exitTally.js';

export const DEFAULT_SPEC: ExitTallySpec = { radialBinMm: 0.1, radialBins: 200, imagePixels: 101, imagePixelMm: 0.1, pathBinMm: 1, pathBins: 100 };

/** A phantom given as explicit numbers: [thicknessMm|null, mua, mus, g, n] per layer. */
export function explicitPhantom(layers: [number | null, number, number, number, number][], extra: Record<string, unknown> = {}) {
  return parsePhantom({
    name: 'test',
    layers: layers.map(([t, mua, mus, g, n], i) => ({ name: `L${i}`, thicknessMm: t, muaPerMm: mua, musPerMm: mus, g, n })),
    ...extra,
  });
}

export function opticsOf(phantom: ReturnType<typeof explicitPhantom>): LayerOptics[] {
  return phantom.layers.map((l) => ({ muaPerMm: l.muaPerMm as number, musPerMm: l.musPerMm as number, g: l.g as number, n: l.n as number }));
}

export async function runExit(
  phantom: ReturnType<typeof explicitPhantom>,
  opts: { photons: number; seed: number; threads?: number; backend?: BackendName; spec?: ExitTallySpec; problem?: ProblemOptions; run?: Partial<RunOptions> },
) {
  const problem = buildProblem(phantom, [opticsOf(phantom)], opts.problem);
  let tally: ExitTally | undefined;
  const info = await runTransport(problem, { photons: opts.photons, seed: opts.seed, threads: opts.threads ?? 1, backend: opts.backend ?? 'cpu', ...opts.run }, (rec, _b, n) => {
    tally ??= new ExitTally(opts.spec ?? DEFAULT_SPEC, 1);
    tally.add(rec, n);
  });
  return { tally: tally!, info, problem };
}
