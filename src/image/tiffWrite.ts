import UTIF from 'utif2';
import { VERSION } from '../version.js';
import type { FloatImage } from './floatImage.js';

export interface FloatTiffOptions {
  /** Pixel size in mm (square pixels). */
  pixelMm: number;
  /** Extra text appended to the ImageJ description (ASCII; other characters become '?'). */
  description?: string;
}

/**
 * Encodes a single-strip, uncompressed, big-endian 32-bit float greyscale TIFF. The IFD is written by
 * utif2; the calibration follows what ImageJ itself writes for a mm-calibrated image: ImageDescription
 * "ImageJ=...\nunit=mm\n...", XResolution = YResolution = pixels per mm, ResolutionUnit = 1 (none; TIFF
 * only knows inch and cm, and ImageJ takes the unit from the description).
 */
export function encodeFloatTiff(img: FloatImage, opts: FloatTiffOptions): Uint8Array {
  const { width, height, data } = img;
  if (width < 1 || height < 1 || width > 65535 || height > 65535) throw new Error(`cannot write a ${width}x${height} TIFF`);
  if (!(opts.pixelMm > 0) || !Number.isFinite(opts.pixelMm)) throw new Error(`TIFF pixel size must be > 0 mm (got ${opts.pixelMm})`);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    if (data[i] < min) min = data[i];
    if (data[i] > max) max = data[i];
  }
  const lines = ['ImageJ=1.54f', 'unit=mm', `min=${min}`, `max=${max}`];
  if (opts.description) lines.push(...opts.description.split(/\r?\n/));
  const description = `${lines.join('\n')}\n`.replace(/[^\x20-\x7e\n]/g, '?');
  const resolution = rational(1 / opts.pixelMm);
  const bytes = width * height * 4;
  const ifd = (stripOffset: number) =>
    ({
      t254: [0],
      t256: [width],
      t257: [height],
      t258: [32],
      t259: [1],
      t262: [1],
      t270: [description],
      t273: [stripOffset],
      t277: [1],
      t278: [height],
      t279: [bytes],
      t282: [resolution],
      t283: [resolution],
      t284: [1],
      t296: [1],
      t305: [`nirwalk ${VERSION}`],
      t339: [3],
    }) as unknown as UTIF.IFD;
  const headerLength = new Uint8Array(UTIF.encode([ifd(0)])).length;
  const offset = (headerLength + 7) & ~7;
  const header = new Uint8Array(UTIF.encode([ifd(offset)]));
  if (header.length !== headerLength) throw new Error('TIFF header length changed between passes');
  const out = new Uint8Array(offset + bytes);
  out.set(header, 0);
  const view = new DataView(out.buffer, offset, bytes);
  for (let i = 0; i < data.length; i++) view.setFloat32(4 * i, data[i], false);
  return out;
}

/** [numerator, denominator] close to value, both within uint32. */
function rational(value: number): [number, number] {
  let den = 1_000_000;
  while (value * den > 0xffffffff && den > 1) den = Math.floor(den / 10);
  return [Math.round(value * den), den];
}
