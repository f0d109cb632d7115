import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { FloatImage } from './floatImage.js';
import { decodeNpy, encodeNpy } from './npy.js';
import { decodePng, encodePreviewPng } from './png.js';
import { decodeTiff, type DecodedImage } from './tiffRead.js';
import { encodeFloatTiff, type FloatTiffOptions } from './tiffWrite.js';

export type { DecodedImage } from './tiffRead.js';

/**
 * Reads a greyscale image (TIFF 8/16/32-bit integer or float, PNG 8/16-bit, or 2-D float .npy; colour is
 * converted to luminance) as float32. Throws InputError for unreadable, unsupported or non-finite data.
 */
export async function readImage(path: string): Promise<DecodedImage> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read image ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let img: DecodedImage;
  if ((bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d)) img = await decodeTiff(bytes, path);
  else if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) img = decodePng(bytes, path);
  else if (bytes[0] === 0x93 && bytes[1] === 0x4e) img = decodeNpy(bytes, path);
  else throw new InputError(`${path}: not a TIFF, PNG or .npy image`);
  if (img.width < 1 || img.height < 1) throw new InputError(`${path}: image has no pixels`);
  for (let i = 0; i < img.data.length; i++)
    if (!Number.isFinite(img.data[i]))
      throw new InputError(`${path}: pixel (x=${i % img.width}, y=${Math.floor(i / img.width)}) is ${img.data[i]}; all pixels must be finite`);
  return img;
}

/** 32-bit float TIFF that Fiji/ImageJ opens with the pixel size in mm. */
export function writeFloatTiff(path: string, img: FloatImage, opts: FloatTiffOptions): void {
  writeFileAtomic(path, encodeFloatTiff(img, opts));
}

/** float32 little-endian C-order .npy of shape (height, width). */
export function writeNpy(path: string, img: FloatImage): void {
  writeFileAtomic(path, encodeNpy(img));
}

/** 8-bit greyscale PNG, auto-contrast between the 0.1 and 99.9 percentiles. */
export function writePngPreview(path: string, img: FloatImage): void {
  writeFileAtomic(path, encodePreviewPng([img]));
}
