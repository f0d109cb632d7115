import { describe, expect, it } from 'vitest';
import { EmitterTally } from '../../src/tallies/emitterTally.js';

describe('EmitterTally', () => {
  const batch = Float32Array.from([
    ...[0.05, 0.25, 0.5, 2], // detected: r ≈ 0.255 mm, |x| = 0.05, |y| = 0.25
    ...[0.1, 0, 0.5, -3], // outside the cone: not seen
    ...[0.1, 0, -0.5, 2], // transmitted: not seen
    ...[0, 0, 0.5, -1], // step cap: counted, not seen
    ...[-0.35, 0, 1, 1], // detected: r = |x| = 0.35, y = 0
  ]);

  it('keeps the radial PSF, the folded line profile and the detected weight per group of photons', () => {
    // Photon i goes to group i mod 2: detected photons 0, 4 (group 0), 5, 9 (group 1), 10, 14 (group 0).
    const t = new EmitterTally({ binMm: 0.1, bins: 3, groups: 2 });
    t.add(batch, 5, 0);
    t.add(batch, 5, 5);
    t.add(batch, 5, 10);
    expect(t.photons).toBe(15);
    expect(t.detectedCount).toBe(6);
    expect(t.steppedOut).toBe(3);
    expect(t.detected().value).toBeCloseTo((3 * 1.5) / 15, 15);
    // Radial: 0.255 → bin 2; 0.35 → bin 3, clamped to the last bin (2).
    expect(Array.from(t.radial[0])).toEqual([0, 0, 3]);
    expect(Array.from(t.radial[1])).toEqual([0, 0, 1.5]);
    // Folded: each detected photon puts half its weight at |x| and half at |y|.
    expect(Array.from(t.folded[1])).toEqual([0.25 + 0.5, 0, 0.25 + 0.5]);
    expect(t.usedGroups('radial')).toHaveLength(2);
  });

  it('reports only the groups that received photons', () => {
    const t = new EmitterTally({ binMm: 0.1, bins: 3, groups: 16 });
    t.add(batch, 5, 0); // detected photons 0 and 4: groups 0 and 4
    expect(t.usedGroups('folded')).toHaveLength(2);
    t.add(batch, 5, 20); // detected photons 20 and 24: groups 4 and 8
    expect(t.usedGroups('folded')).toHaveLength(3);
  });
});
