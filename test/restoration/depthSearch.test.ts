import { describe, expect, it } from 'vitest';
import { scatteringProfile, unscatteredProfile } from '../../bench/support/analyticPsf.js';
import { searchDepth, searchDepthTiles } from '../../src/restoration/depthSearch.js';
import { createImage, type FloatImage } from '../../src/image/floatImage.js';
import { radialKernelImage, type RadialProfile } from '../../src/image/radialPsf.js';
import { blendTiles, makeTileGrid } from '../../src/restoration/tileBlend.js';
import { defaultVesselLayout, synthesize, type VesselLayout } from '../../bench/support/synthetic.js';

const PIXEL_MM = 0.1;
const KERNEL_PX = 81;
const BACKGROUND = 10;
type Family = (depthMm: number, maxRadiusMm: number) => RadialProfile;
const kernel = (family: Family, depthMm: number): FloatImage =>
  createImage(KERNEL_PX, KERNEL_PX, radialKernelImage(family(depthMm, KERNEL_PX * PIXEL_MM), KERNEL_PX, PIXEL_MM));
const candidates = (family: Family, depths: number[]) => depths.map((depthMm) => ({ depthMm, kernel: kernel(family, depthMm) }));

function scene(family: Family, depthMm: number, seed: number, width = 128): FloatImage {
  const layout = defaultVesselLayout(width * PIXEL_MM);
  return synthesize([{ layout, kernel: kernel(family, depthMm) }], width, 128, PIXEL_MM, { peakCounts: 1000, backgroundCounts: BACKGROUND, seed }).noisy;
}

describe('depth search by held-out Poisson deviance', () => {
  it('finds the true depth of the unscattered PSF and scores shallower and deeper kernels measurably worse', () => {
    const r = searchDepth(scene(unscatteredProfile, 1, 11), candidates(unscatteredProfile, [0.5, 1, 1.5]), { background: BACKGROUND });
    expect(r.depthMm).toBe(1);
    expect(r.consistentDepthsMm).toEqual([1]);
    for (const s of r.scores.filter((x) => x.depthMm !== 1)) expect(s.excess, `${s.depthMm} mm`).toBeGreaterThan(3 * s.excessStdErr);
  });

  it('tells 1 mm from 2 mm in the scattering-like family, either way round', () => {
    const set = candidates(scatteringProfile, [1, 2]);
    expect(searchDepth(scene(scatteringProfile, 1, 12), set, { background: BACKGROUND }).depthMm).toBe(1);
    expect(searchDepth(scene(scatteringProfile, 2, 13), set, { background: BACKGROUND }).depthMm).toBe(2);
  });

  it('chooses per tile when the depth changes across the field', () => {
    const v = (xMm: number) => ({ xMm, widthMm: 0.1, intensity: 1 });
    const left: VesselLayout = { vessels: [v(3), v(6), v(9)], pairs: [] };
    const right: VesselLayout = { vessels: [v(16), v(19), v(22)], pairs: [] };
    const image = synthesize(
      [
        { layout: left, kernel: kernel(unscatteredProfile, 0.5) },
        { layout: right, kernel: kernel(unscatteredProfile, 1.5) },
      ],
      256,
      128,
      PIXEL_MM,
      { peakCounts: 1000, backgroundCounts: BACKGROUND, seed: 5 },
    ).noisy;
    const r = searchDepthTiles(image, candidates(unscatteredProfile, [0.5, 1.5]), 128, { background: BACKGROUND });
    expect(r.tiles.map((t) => [t.x0, t.y0, t.width, t.height, t.depthMm])).toEqual([
      [0, 0, 128, 128, 0.5],
      [128, 0, 128, 128, 1.5],
    ]);
  });

  it('blends per-tile restorations linearly between tile centres, without seams', () => {
    const grid = makeTileGrid(100, 10, 50);
    expect(grid.xEdges).toEqual([0, 50, 100]);
    const zero = createImage(100, 10);
    const one = createImage(100, 10, new Float32Array(1000).fill(1));
    const b = blendTiles(grid, [0, 1], [zero, one]);
    const row = Array.from(b.data.subarray(0, 100));
    expect(row[0]).toBe(0);
    expect(row[24]).toBe(0);
    expect(row[49]).toBeCloseTo(0.49, 5);
    expect(row[75]).toBe(1);
    expect(row[99]).toBe(1);
    for (let x = 1; x < 100; x++) expect(row[x] - row[x - 1]).toBeLessThanOrEqual(1 / 50 + 1e-6);
  });

  it('rejects an empty kernel set and bad tile sizes', () => {
    const image = createImage(64, 64, new Float32Array(64 * 64).fill(5));
    expect(() => searchDepth(image, [])).toThrow(/no candidate kernels/);
    const set = candidates(unscatteredProfile, [0.5]).map((c) => ({ ...c, kernel: createImage(3, 3, new Float32Array(9).fill(1)) }));
    expect(() => searchDepthTiles(image, set, 8)).toThrow(/tile: must be a whole number of pixels >= 16 \(got 8\)/);
    expect(() => searchDepthTiles(image, set, 100)).toThrow(/tile: 100 px is larger than the image/);
  });
});
