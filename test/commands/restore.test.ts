import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/commands/restore.js';
import { InputError } from '../../src/errors.js';
import { unscatteredProfile } from '../../bench/support/analyticPsf.js';
import { createImage } from '../../src/image/floatImage.js';
import { readImage, writeFloatTiff } from '../../src/image/imageIo.js';
import { radialKernelImage } from '../../src/image/radialPsf.js';
import { defaultVesselLayout, synthesize } from '../../bench/support/synthetic.js';
import { nirwalk } from '../support/cli.js';

const PIXEL_MM = 0.1;
const dir = mkdtempSync(join(tmpdir(), 'nirwalk-restore-cli-'));
const kernelDir = join(dir, 'kernels');
const image = join(dir, 'vessels.tif');

function kernel(depthMm: number, size = 41) {
  return createImage(size, size, radialKernelImage(unscatteredProfile(depthMm, size * PIXEL_MM), size, PIXEL_MM));
}

async function run(args: string[]): Promise<void> {
  const program = new Command().exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  register(program);
  await program.parseAsync(['node', 'nirwalk', 'restore', ...args]);
}

beforeAll(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const s = synthesize([{ layout: defaultVesselLayout(9.6), kernel: kernel(0.5) }], 96, 96, PIXEL_MM, { peakCounts: 1000, backgroundCounts: 10, seed: 1 });
  writeFloatTiff(image, s.noisy, { pixelMm: PIXEL_MM });
  mkdirSync(kernelDir, { recursive: true });
  const kernels = [0.5, 1].map((depthMm) => {
    const tiff = `kernel-${depthMm.toFixed(1)}mm.tif`;
    writeFloatTiff(join(kernelDir, tiff), kernel(depthMm), { pixelMm: PIXEL_MM });
    return { depthMm, tiff, npy: tiff.replace('.tif', '.npy'), sum: 1 };
  });
  writeFileSync(join(kernelDir, 'kernels.json'), JSON.stringify({ phantom: {}, spectral: {}, pixelMm: PIXEL_MM, size: 41, kernels }));
});

describe('nirwalk restore', () => {
  it('restores with one kernel: float TIFF with the pixel size, preview and side-by-side figure', async () => {
    const out = join(dir, 'one', 'restored.tif');
    await run([image, '--kernel', join(kernelDir, 'kernel-0.5mm.tif'), '--iterations', '20', '--out', out]);
    const restored = await readImage(out);
    expect([restored.width, restored.height]).toEqual([96, 96]);
    expect(restored.pixelMm).toBeCloseTo(PIXEL_MM, 12);
    expect(restored.data.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    const preview = PNG.sync.read(readFileSync(join(dir, 'one', 'restored.png')));
    expect([preview.width, preview.height]).toEqual([96, 96]);
    const compare = PNG.sync.read(readFileSync(join(dir, 'one', 'restored-compare.png')));
    expect([compare.width, compare.height]).toEqual([96 * 2 + 8, 96]);
  });

  it('searches the kernel set for the depth and records the scores', async () => {
    const out = join(dir, 'search', 'restored.tif');
    await run([image, '--kernels', kernelDir, '--iterations', '10', '--regularization', 'tv:0.002', '--background', 'auto', '--out', out]);
    const report = JSON.parse(readFileSync(join(dir, 'search', 'restored-depth.json'), 'utf8'));
    expect(report.depthMm).toBe(0.5);
    expect(report.scores.map((s: { depthMm: number }) => s.depthMm)).toEqual([0.5, 1]);
    expect(existsSync(out)).toBe(true);
  });

  it('chooses a depth per tile and blends the restorations', async () => {
    const out = join(dir, 'tiles', 'restored.tif');
    await run([image, '--kernels', kernelDir, '--tile', '48', '--iterations', '10', '--background', '10', '--out', out]);
    const report = JSON.parse(readFileSync(join(dir, 'tiles', 'restored-depth.json'), 'utf8'));
    expect(report.mode).toBe('tiles');
    expect(report.tiles.map((t: { x0: number; y0: number }) => [t.x0, t.y0])).toEqual([[0, 0], [48, 0], [0, 48], [48, 48]]);
    expect(report.tiles.every((t: { depthMm: number }) => t.depthMm === 0.5)).toBe(true);
    const restored = await readImage(out);
    expect(restored.data.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });

  const bad: [string, () => string[], RegExp][] = [
    ['an unreadable image', () => [join(dir, 'missing.tif'), '--kernel', join(kernelDir, 'kernel-0.5mm.tif')], /cannot read image .*missing\.tif/],
    ['a kernel larger than the image', () => [image, '--kernel', join(dir, 'huge.tif')], /kernel \(101x101 px at 0\.1 mm\) is larger than the image \(96x96 px\)/],
    ['a non-finite pixel', () => [join(dir, 'nan.tif'), '--kernel', join(kernelDir, 'kernel-0.5mm.tif')], /nan\.tif: pixel \(x=3, y=2\) is NaN/],
    ['negative iterations', () => [image, '--kernel', join(kernelDir, 'kernel-0.5mm.tif'), '--iterations=-3'], /--iterations must be a whole number ≥ 1 \(got "-3"\)/],
    ['non-integer iterations', () => [image, '--kernel', join(kernelDir, 'kernel-0.5mm.tif'), '--iterations', '2.5'], /--iterations must be a whole number ≥ 1 \(got "2\.5"\)/],
    ['a bad regularization', () => [image, '--kernel', join(kernelDir, 'kernel-0.5mm.tif'), '--regularization', 'tv:abc'], /--regularization must be 'none' or 'tv:LAMBDA'.*got "tv:abc"/],
    ['an unknown regularization', () => [image, '--kernel', join(kernelDir, 'kernel-0.5mm.tif'), '--regularization', 'l2:0.1'], /--regularization must be 'none' or 'tv:LAMBDA'/],
    ['a negative TV weight', () => [image, '--kernel', join(kernelDir, 'kernel-0.5mm.tif'), '--regularization', 'tv:-0.1'], /TV regularization weight must be >= 0/],
    ['both --kernel and --kernels', () => [image, '--kernel', join(kernelDir, 'kernel-0.5mm.tif'), '--kernels', kernelDir], /exactly one of --kernel/],
    ['--tile without --kernels', () => [image, '--kernel', join(kernelDir, 'kernel-0.5mm.tif'), '--tile', '32'], /--tile needs --kernels/],
    ['a bad background', () => [image, '--kernel', join(kernelDir, 'kernel-0.5mm.tif'), '--background', 'low'], /--background must be 'auto' or a number/],
    ['a manifest without kernels', () => [image, '--kernels', join(dir, 'empty-set')], /kernels\.json is not a valid kernel manifest:\n {2}kernels: must list at least one kernel/],
  ];

  describe('rejects bad input with one clear error and writes nothing', () => {
    beforeAll(() => {
      writeFloatTiff(join(dir, 'huge.tif'), kernel(0.5, 101), { pixelMm: PIXEL_MM });
      const nan = createImage(16, 16, new Float32Array(256).fill(1));
      nan.data[2 * 16 + 3] = NaN;
      writeFloatTiff(join(dir, 'nan.tif'), nan, { pixelMm: PIXEL_MM });
      mkdirSync(join(dir, 'empty-set'), { recursive: true });
      writeFileSync(join(dir, 'empty-set', 'kernels.json'), JSON.stringify({ pixelMm: PIXEL_MM, kernels: [] }));
    });
    for (const [label, args, message] of bad) {
      it(label, async () => {
        const outDir = join(dir, `bad-${label.replace(/\W+/g, '_')}`);
        const error = await run([...args(), '--out', join(outDir, 'r.tif')]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InputError);
        expect((error as Error).message).toMatch(message);
        expect(existsSync(outDir)).toBe(false);
      });
    }
  });

  it('is registered in the CLI with help for every option', async () => {
    const r = await nirwalk(['restore', '--help']);
    expect(r.code).toBe(0);
    for (const option of ['--kernel <FILE>', '--kernels <DIR>', '--iterations <K>', '--regularization <SPEC>', '--background', '--tile <PX>', '--out <FILE.tif>'])
      expect(r.stdout).toContain(option);
  });
});
