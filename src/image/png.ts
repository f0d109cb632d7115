import { PNG } from 'pngjs';
import { InputError } from '../errors.js';
import { percentile, type FloatImage } from './floatImage.js';

/** Reads a PNG (greyscale, RGB, palette; 1-16 bit) into raw sample values; colour becomes luminance. */
export function decodePng(bytes: Uint8Array, label: string): FloatImage {
  let png;
  try {
    png = PNG.sync.read(Buffer.from(bytes), { skipRescale: true });
  } catch (e) {
    throw new InputError(`${label}: not a readable PNG (${(e as Error).message})`);
  }
  const { width, height } = png;
  const px = png.data as unknown as ArrayLike<number>;
  const colorType = png.colorType as number;
  const grey = (colorType & 2) === 0 && colorType !== 3;
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const r = px[4 * i];
    data[i] = grey ? r : 0.2126 * r + 0.7152 * px[4 * i + 1] + 0.0722 * px[4 * i + 2];
  }
  return { width, height, data };
}

export interface PreviewRange {
  lo: number;
  hi: number;
}

/** The 0.1 and 99.9 percentiles, the grey range an auto-contrast preview maps to black and white. */
export function autoContrastRange(img: FloatImage): PreviewRange {
  const step = Math.max(1, Math.floor(img.data.length / 262144));
  const sample: number[] = [];
  for (let i = 0; i < img.data.length; i += step) sample.push(img.data[i]);
  const lo = percentile(sample, 0.001);
  let hi = percentile(sample, 0.999);
  if (!(hi > lo)) hi = lo + 1;
  return { lo, hi };
}

/** An 8-bit greyscale PNG of one or more images side by side (gapPx white columns between), each auto-contrasted. */
export function encodePreviewPng(images: FloatImage[], gapPx = 0): Uint8Array {
  const height = Math.max(...images.map((i) => i.height));
  const width = images.reduce((s, i) => s + i.width, 0) + gapPx * (images.length - 1);
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
  const out = Buffer.alloc(width * height, 255);
  let x0 = 0;
  for (const img of images) {
    const { lo, hi } = autoContrastRange(img);
    for (let y = 0; y < img.height; y++)
      for (let x = 0; x < img.width; x++) {
        const t = (img.data[y * img.width + x] - lo) / (hi - lo);
        out[y * width + x0 + x] = Math.round(255 * Math.min(1, Math.max(0, t)));
      }
    x0 += img.width + gapPx;
  }
  png.data = out;
  return new Uint8Array(PNG.sync.write(png, { colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false }));
}
