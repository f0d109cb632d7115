import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildKernelConfig, TRANSPORT_CONSTANT_NAMES } from '../../src/engine/kernelConfig.js';
import { buildProblem } from '../../src/engine/problem.js';
import { SOURCE_KINDS, sourceLaunch, specularReflectance, type EngineSource } from '../../src/engine/sources.js';
import { transportKernelPath } from '../../src/engine/transportKernel.js';
import { explicitPhantom, opticsOf } from '../support/engine.js';

const kernelText = readFileSync(transportKernelPath(), 'utf8');

describe('TransportConstants is the kernel contract', () => {
  it('lists exactly the constants kernels/transport.js reads', () => {
    const used = new Set([...kernelText.matchAll(/this\.constants\.(\w+)/g)].map((m) => m[1]));
    expect([...TRANSPORT_CONSTANT_NAMES].sort()).toEqual([...used].sort());
  });

  it('buildKernelConfig fills every constant with a finite number, for every source kind', () => {
    const phantom = explicitPhantom([[1, 0.1, 10, 0.9, 1.4], [null, 0.1, 10, 0.9, 1.37]]);
    const sources: EngineSource[] = [
      { type: 'pencil' },
      { type: 'isotropic', positionMm: [0.1, -0.2, 0.5] },
      { type: 'line', xMm: 0.3, depthMm: 1, lengthMm: 20, radiusMm: 0.1 },
      { type: 'depth-range', fromMm: 0.2, toMm: 3 },
    ];
    for (const source of sources) {
      const { constants } = buildKernelConfig(buildProblem(phantom, [opticsOf(phantom)], { source }), {});
      expect(Object.keys(constants).sort()).toEqual([...TRANSPORT_CONSTANT_NAMES].sort());
      for (const [k, v] of Object.entries(constants)) expect(Number.isFinite(v), k).toBe(true);
      expect(constants.sourceType).toBe(SOURCE_KINDS[source.type].code);
    }
  });
});

describe('the source kinds table', () => {
  it('gives every kind its own code, and the kernel has a launch branch for each', () => {
    const codes = Object.values(SOURCE_KINDS).map((k) => k.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(kernelText).toMatch(new RegExp(`sourceType == ${code}\\b`));
  });

  it('pencil beam: specular reflection (n1 − n2)²/(n1 + n2)² at the surface', () => {
    const phantom = explicitPhantom([[null, 0.1, 10, 0.9, 1.4]]);
    const launch = sourceLaunch(buildProblem(phantom, [opticsOf(phantom)]));
    expect(launch.specular).toBeCloseTo((0.4 / 2.4) ** 2, 15);
    expect(launch.launchWeight).toBeCloseTo(1 - (0.4 / 2.4) ** 2, 15);
    expect(launch.startLayer).toBe(0);
    expect(specularReflectance(1, 1.5)).toBeCloseTo(0.04, 15);
  });

  it('pencil beam on a clear glass layer: the glass multiple reflections count as specular (MCML)', () => {
    const phantom = explicitPhantom([[1, 0, 0, 0, 1.5], [null, 0.1, 10, 0.9, 1.37]]);
    const launch = sourceLaunch(buildProblem(phantom, [opticsOf(phantom)]));
    const r1 = (0.5 / 2.5) ** 2;
    const r2 = (0.13 / 2.87) ** 2;
    expect(launch.specular).toBeCloseTo(r1 + ((1 - r1) ** 2 * r2) / (1 - r1 * r2), 15);
    expect(launch.startLayer).toBe(1);
  });

  it('sources inside the tissue launch with full weight and no specular reflection', () => {
    const phantom = explicitPhantom([[null, 0.1, 10, 0.9, 1.4]]);
    const launch = sourceLaunch(buildProblem(phantom, [opticsOf(phantom)], { source: { type: 'isotropic', positionMm: [0, 0, 1] } }));
    expect(launch).toEqual({ specular: 0, launchWeight: 1, startLayer: 0 });
  });
});
