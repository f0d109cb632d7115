import { fromArrayBuffer } from 'geotiff';
import { InputError } from '../errors.js';
import type { FloatImage } from './floatImage.js';

export interface DecodedImage extends FloatImage {
  /** Pixel size in mm when the file records one in a physical unit (ImageJ unit or centimetres). */
  pixelMm?: number;
}

const UNIT_MM: Record<string, number> = { mm: 1, millimeter: 1, millimetre: 1, cm: 10, um: 1e-3, micron: 1e-3, '\u00b5m': 1e-3, nm: 1e-6, m: 1000 };

/** Reads the first image of a TIFF: 8/16/32-bit integer or 32/64-bit float, greyscale or RGB (-> luminance). */
export async function decodeTiff(bytes: Uint8Array, label: string): Promise<DecodedImage> {
  let image;
  try {
    const tiff = await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    image = await tiff.getImage(0);
  } catch (e) {
    throw new InputError(`${label}: not a readable TIFF (${(e as Error).message})`);
  }
  const width = image.getWidth();
  const height = image.getHeight();
  const samples = image.getSamplesPerPixel();
  const bits = image.getBitsPerSample(0) as number;
  const format = (image.getSampleFormat(0) as number | undefined) ?? 1;
  const photometric = image.fileDirectory.PhotometricInterpretation as number | undefined;
  const supported = (format === 3 && (bits === 32 || bits === 64)) || ((format === 1 || format === 2) && [8, 16, 32].includes(bits));
  if (!supported) throw new InputError(`${label}: unsupported TIFF sample type (${bits}-bit, SampleFormat ${format}); use 8/16/32-bit integer or 32-bit float`);
  if (photometric === 3) throw new InputError(`${label}: palette-colour TIFFs are not supported; save as greyscale`);
  const rgb = samples >= 3 && photometric === 2;
  if (!rgb && samples !== 1 && !(samples === 2 && photometric !== 2))
    throw new InputError(`${label}: unsupported TIFF with ${samples} samples per pixel (photometric ${photometric}); use greyscale or RGB`);
  let raster;
  try {
    raster = (await image.readRasters({ interleave: true })) as unknown as ArrayLike<number>;
  } catch (e) {
    throw new InputError(`${label}: cannot decode TIFF pixels (${(e as Error).message})`);
  }
  const data = new Float32Array(width * height);
  const invert = photometric === 0 && format !== 3 ? 2 ** bits - 1 : undefined;
  for (let i = 0; i < data.length; i++) {
    let v: number;
    if (rgb) v = 0.2126 * raster[i * samples] + 0.7152 * raster[i * samples + 1] + 0.0722 * raster[i * samples + 2];
    else v = raster[i * samples];
    data[i] = invert !== undefined ? invert - v : v;
  }
  return { width, height, data, pixelMm: tiffPixelMm(image.fileDirectory as Record<string, unknown>) };
}

function tiffPixelMm(dir: Record<string, unknown>): number | undefined {
  const xres = ratio(dir.XResolution);
  if (!(xres && xres > 0)) return undefined;
  const desc = typeof dir.ImageDescription === 'string' ? dir.ImageDescription : '';
  if (desc.startsWith('ImageJ')) {
    const unit = /(?:^|\n)unit=([^\n]*)/.exec(desc)?.[1]?.trim().replace(/\\u00B5/i, '\u00b5');
    if (unit && UNIT_MM[unit.toLowerCase()] !== undefined) return UNIT_MM[unit.toLowerCase()] / xres;
  }
  if (dir.ResolutionUnit === 3) return 10 / xres;
  return undefined;
}

function ratio(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number') return v[0] / v[1];
  if (ArrayBuffer.isView(v)) {
    const a = v as unknown as ArrayLike<number>;
    return a.length >= 2 ? a[0] / a[1] : a[0];
  }
  return undefined;
}
