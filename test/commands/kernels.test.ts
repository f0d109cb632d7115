import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromArrayBuffer } from 'geotiff';
import { beforeAll, describe, expect, it } from 'vitest';
import { nirwalk } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nirwalk-kern-'));

describe('nirwalk kernels', () => {
  const out = join(dir, 'k');
  const args = ['phantoms/mouse-hindlimb.json', '--depths', '0.5,1', '--photons', '20000', '--fwhm-rel-error', '0', '--seed', '4'];
  let k: Awaited<ReturnType<typeof nirwalk>>;
  beforeAll(async () => {
    k = await nirwalk(['kernels', ...args, '--window', 'NIR-IIa', '--pixel-mm', '0.02', '--size', '257', '--out', out]);
  });

  it('writes 32-bit float TIFFs with the pixel size, unit sum, centred', async () => {
    expect(k.code, k.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'kernels.json'), 'utf8'));
    expect(manifest.kernels).toHaveLength(2);
    for (const entry of manifest.kernels) {
      const bytes = readFileSync(join(out, entry.tiff));
      const image = await (await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))).getImage(0);
      expect(image.getWidth()).toBe(257);
      expect(image.getBitsPerSample()).toBe(32);
      expect(image.fileDirectory.SampleFormat[0]).toBe(3);
      expect(image.fileDirectory.ImageDescription).toMatch(/unit=mm/);
      // XResolution is a rational: pixels per unit (mm, from the ImageJ description).
      const [num, den] = image.fileDirectory.XResolution;
      expect(den / num).toBeCloseTo(0.02, 9);
      const [data] = (await image.readRasters()) as unknown as Float32Array[];
      let sum = 0;
      for (const v of data) sum += v;
      expect(Math.abs(sum - 1)).toBeLessThan(1e-6);
      expect(entry.sum).toBeCloseTo(1, 6);
      // Radially symmetric about the centre pixel: mirror pixels agree.
      expect(data[128 * 257 + 100]).toBeCloseTo(data[128 * 257 + 156], 12);
      expect(data[100 * 257 + 128]).toBeCloseTo(data[128 * 257 + 100], 12);
      expect(existsSync(join(out, entry.npy))).toBe(true);
      expect(existsSync(join(out, entry.smoothTiff))).toBe(true);
    }
  });

  it('has the FWHM that `nirwalk windows` reports for the same depth and setting', async () => {
    const w = await nirwalk(['windows', ...args, '--windows', 'NIR-IIa', '--out', join(dir, 'w')]);
    expect(w.code, w.stderr).toBe(0);
    const windows = JSON.parse(readFileSync(join(dir, 'w', 'windows.json'), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(out, 'kernels.json'), 'utf8'));
    for (const entry of manifest.kernels) {
      const d = windows.windows[0].depths.find((x: any) => x.depthMm === entry.depthMm);
      expect(Math.abs(entry.fwhmMm - d.fwhmMm)).toBeLessThanOrEqual(Math.max(entry.fwhmStdErr, d.fwhmStdErr));
      // The rendered image's own FWHM agrees with the estimate within a few standard errors + a pixel.
      expect(Math.abs(entry.fwhmOfSmoothImageMm - entry.fwhmMm)).toBeLessThan(4 * entry.fwhmStdErr + 0.02);
    }
  });

  it('rejects an even kernel size and missing spectral setting', async () => {
    const even = await nirwalk(['kernels', ...args, '--window', 'NIR-II', '--size', '256', '--out', join(dir, 'even')]);
    expect(even.code).not.toBe(0);
    expect(even.stderr).toMatch(/--size must be odd/);
    const none = await nirwalk(['kernels', ...args, '--out', join(dir, 'none')]);
    expect(none.stderr).toMatch(/--window NAME, or --probe P --filter F/);
    expect(existsSync(join(dir, 'even'))).toBe(false);
  });
});
