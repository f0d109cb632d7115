import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromArrayBuffer } from 'geotiff';
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readImage, writeFloatTiff, writeNpy, writePngPreview } from '../../src/image/imageIo.js';
import { encodeNpy } from '../../src/image/npy.js';

const dir = mkdtempSync(join(tmpdir(), 'nirwalk-restoration-io-'));

function ramp(width: number, height: number) {
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = (i * 0.37 - 5) / 3;
  return { width, height, data };
}

/** A big-endian single-strip integer TIFF; the IFD is encoded by utif2. */
function intTiff(width: number, height: number, values: number[], bits: 8 | 16 | 32, signed = false, samples = 1): Uint8Array {
  const bytes = (width * height * samples * bits) / 8;
  const ifd = (offset: number) =>
    ({
      t256: [width],
      t257: [height],
      t258: Array(samples).fill(bits),
      t259: [1],
      t262: [samples === 3 ? 2 : 1],
      t273: [offset],
      t277: [samples],
      t278: [height],
      t279: [bytes],
      t339: Array(samples).fill(signed ? 2 : 1),
    }) as unknown as UTIF.IFD;
  const offset = (new Uint8Array(UTIF.encode([ifd(0)])).length + 7) & ~7;
  const out = new Uint8Array(offset + bytes);
  out.set(new Uint8Array(UTIF.encode([ifd(offset)])));
  const view = new DataView(out.buffer, offset);
  values.forEach((v, i) => {
    if (bits === 8) view.setUint8(i, v);
    else if (bits === 16) signed ? view.setInt16(2 * i, v) : view.setUint16(2 * i, v);
    else signed ? view.setInt32(4 * i, v) : view.setUint32(4 * i, v);
  });
  return out;
}

describe('float TIFF output', () => {
  it('round-trips float32 values, size and the pixel size through geotiff and utif2', async () => {
    const img = ramp(7, 5);
    const path = join(dir, 'ramp.tif');
    writeFloatTiff(path, img, { pixelMm: 0.02, description: 'test kernel, depth 1 mm' });
    const bytes = readFileSync(path);

    const tiff = await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const image = await tiff.getImage();
    expect(image.getWidth()).toBe(7);
    expect(image.getHeight()).toBe(5);
    expect(image.getBitsPerSample(0)).toBe(32);
    expect(image.getSampleFormat(0)).toBe(3);
    const raster = (await image.readRasters({ interleave: true })) as unknown as Float32Array;
    expect(raster).toBeInstanceOf(Float32Array);
    expect(Array.from(raster)).toEqual(Array.from(img.data));
    const fd = image.fileDirectory;
    expect(fd.XResolution[0] / fd.XResolution[1]).toBeCloseTo(50, 9);
    expect(fd.YResolution[0] / fd.YResolution[1]).toBeCloseTo(50, 9);
    expect(fd.ResolutionUnit).toBe(1);
    expect(fd.ImageDescription).toMatch(/^ImageJ=1\.54f\nunit=mm\n/);
    expect(fd.ImageDescription).toContain('test kernel, depth 1 mm');

    const ifds = UTIF.decode(bytes);
    UTIF.decodeImage(bytes, ifds[0]);
    expect([ifds[0].width, ifds[0].height]).toEqual([7, 5]);
    expect(ifds[0].t282).toEqual([[50_000_000, 1_000_000]]);

    const back = await readImage(path);
    expect(back.pixelMm).toBeCloseTo(0.02, 12);
    expect(Array.from(back.data)).toEqual(Array.from(img.data));
  });
});

describe('image input', () => {
  it('reads 8/16/32-bit integer TIFFs, signed and unsigned, and RGB as luminance', async () => {
    const cases: [string, Uint8Array, number[]][] = [
      ['u8', intTiff(3, 2, [0, 1, 2, 128, 254, 255], 8), [0, 1, 2, 128, 254, 255]],
      ['u16', intTiff(3, 2, [0, 1, 300, 40000, 65534, 65535], 16), [0, 1, 300, 40000, 65534, 65535]],
      ['i16', intTiff(3, 2, [-32768, -1, 0, 1, 1000, 32767], 16, true), [-32768, -1, 0, 1, 1000, 32767]],
      ['u32', intTiff(3, 2, [0, 1, 70000, 2, 3, 4], 32), [0, 1, 70000, 2, 3, 4]],
      ['rgb', intTiff(2, 1, [10, 20, 30, 255, 255, 255], 8, false, 3), [0.2126 * 10 + 0.7152 * 20 + 0.0722 * 30, 255]],
    ];
    for (const [name, bytes, expected] of cases) {
      const path = join(dir, `${name}.tif`);
      writeFileSync(path, bytes);
      const img = await readImage(path);
      expect(img.pixelMm).toBeUndefined();
      expect(Array.from(img.data).map((v, i) => v - expected[i]).every((d) => Math.abs(d) < 1e-3), name).toBe(true);
    }
  });

  it('reads 8- and 16-bit PNG, greyscale and RGB', async () => {
    const grey16 = new PNG({ width: 2, height: 2, bitDepth: 16, colorType: 0, inputColorType: 0, inputHasAlpha: false });
    // pngjs expects 16-bit input in the machine's byte order.
    grey16.data = Buffer.from(new Uint16Array([0, 1000, 40000, 65535]).buffer);
    writeFileSync(join(dir, 'g16.png'), PNG.sync.write(grey16, { bitDepth: 16, colorType: 0, inputColorType: 0, inputHasAlpha: false }));
    expect(Array.from((await readImage(join(dir, 'g16.png'))).data)).toEqual([0, 1000, 40000, 65535]);

    const rgb = new PNG({ width: 2, height: 1 });
    rgb.data = Buffer.from([200, 100, 50, 255, 7, 7, 7, 255]);
    writeFileSync(join(dir, 'rgb8.png'), PNG.sync.write(rgb, { colorType: 2 }));
    const img = await readImage(join(dir, 'rgb8.png'));
    expect(img.data[0]).toBeCloseTo(0.2126 * 200 + 0.7152 * 100 + 0.0722 * 50, 4);
    expect(img.data[1]).toBeCloseTo(7, 5);
  });

  it('rejects unreadable files and non-finite pixels, naming the file and the pixel', async () => {
    await expect(readImage(join(dir, 'missing.tif'))).rejects.toThrow(/cannot read image .*missing\.tif: ENOENT/);
    writeFileSync(join(dir, 'junk.tif'), 'this is not an image');
    await expect(readImage(join(dir, 'junk.tif'))).rejects.toThrow(/junk\.tif: not a TIFF, PNG or \.npy image/);
    writeFloatTiff(join(dir, 'whole.tif'), ramp(8, 8), { pixelMm: 0.05 });
    writeFileSync(join(dir, 'truncated.tif'), readFileSync(join(dir, 'whole.tif')).subarray(0, 40));
    await expect(readImage(join(dir, 'truncated.tif'))).rejects.toBeInstanceOf(InputError);
    const bad = ramp(4, 3);
    bad.data[1 * 4 + 2] = NaN;
    writeFloatTiff(join(dir, 'nan.tif'), bad, { pixelMm: 0.05 });
    await expect(readImage(join(dir, 'nan.tif'))).rejects.toThrow(/nan\.tif: pixel \(x=2, y=1\) is NaN/);
    bad.data[1 * 4 + 2] = Infinity;
    writeNpy(join(dir, 'inf.npy'), bad);
    await expect(readImage(join(dir, 'inf.npy'))).rejects.toThrow(/inf\.npy: pixel \(x=2, y=1\) is Infinity/);
  });
});

describe('NPY output', () => {
  it('writes a version 1.0 header padded to 64 bytes and little-endian float32 in C order', async () => {
    const img = ramp(5, 3);
    const bytes = encodeNpy(img);
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
    const headerLength = bytes[8] | (bytes[9] << 8);
    expect((10 + headerLength) % 64).toBe(0);
    const header = Buffer.from(bytes.subarray(10, 10 + headerLength)).toString('latin1');
    expect(header).toMatch(/^\{'descr': '<f4', 'fortran_order': False, 'shape': \(3, 5\), \} *\n$/);
    const data = new DataView(bytes.buffer, 10 + headerLength);
    expect(bytes.length).toBe(10 + headerLength + 4 * 15);
    for (let i = 0; i < 15; i++) expect(data.getFloat32(4 * i, true)).toBe(img.data[i]);
    writeNpy(join(dir, 'ramp.npy'), img);
    const back = await readImage(join(dir, 'ramp.npy'));
    expect([back.width, back.height]).toEqual([5, 3]);
    expect(Array.from(back.data)).toEqual(Array.from(img.data));
  });

  it('writes an 8-bit auto-contrast PNG preview', () => {
    writePngPreview(join(dir, 'ramp.png'), ramp(16, 8));
    const png = PNG.sync.read(readFileSync(join(dir, 'ramp.png')));
    expect([png.width, png.height, png.depth]).toEqual([16, 8, 8]);
    const grey = Array.from({ length: 128 }, (_, i) => png.data[4 * i]);
    expect(Math.min(...grey)).toBe(0);
    expect(Math.max(...grey)).toBe(255);
  });
});
