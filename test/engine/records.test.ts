import { describe, expect, it } from 'vitest';
import { decodeExit, recordSum, RECORD_FLOATS } from '../../src/engine/records.js';

describe('the photon record decoder', () => {
  // [x, y, signedWeight, pathCode] as kernels/transport.js returns them.
  const records = Float32Array.from([
    ...[0.5, -0.25, 0.75, 3.5], // top, inside the cone, path 3.5 mm
    ...[1, 2, 0.5, -2 - 4], // top, outside the cone, path 4 mm
    ...[3, 4, -0.25, 7], // bottom
    ...[5, 6, 0.125, -1], // step cap, weight still carried
    ...[7, 8, 0, 2], // absorbed
  ]);

  it('tells the five outcomes apart and recovers weight and path length', () => {
    const r = [0, 1, 2, 3, 4].map((i) => ({ ...decodeExit(records, i) }));
    expect(r.map((x) => x.kind)).toEqual(['detected', 'outsideCone', 'transmitted', 'stepCap', 'absorbed']);
    expect(r.map((x) => x.weight)).toEqual([0.75, 0.5, 0.25, 0.125, 0]);
    expect(r[0]).toMatchObject({ xMm: 0.5, yMm: -0.25, pathMm: 3.5 });
    expect(r[1].pathMm).toBe(4);
    expect(r[2].pathMm).toBe(7);
    expect(r[3].pathMm).toBeNaN();
  });

  it('reads the sums of the fluence and absorption modes', () => {
    expect(RECORD_FLOATS).toBe(4);
    expect(recordSum(records, 2, 1)).toBe(4);
  });
});
