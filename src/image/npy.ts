import { InputError } from '../errors.js';
import type { FloatImage } from './floatImage.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/**
 * NumPy .npy version 1.0: magic, version, little-endian uint16 header length, an ASCII dict padded with
 * spaces and a newline to a multiple of 64 bytes, then float32 little-endian data in C order (rows).
 * Reference: numpy.lib.format (NEP 1).
 */
export function encodeNpy(img: FloatImage): Uint8Array {
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${img.height}, ${img.width}), }`;
  const unpadded = MAGIC.length + 2 + 2 + dict.length + 1;
  const headerLength = Math.ceil(unpadded / 64) * 64;
  const header = dict + ' '.repeat(headerLength - unpadded) + '\n';
  const out = new Uint8Array(headerLength + 4 * img.data.length);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  const view = new DataView(out.buffer);
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  for (let i = 0; i < img.data.length; i++) view.setFloat32(headerLength + 4 * i, img.data[i], true);
  return out;
}

/** Reads a 2-D .npy array of float32/float64 (either byte order), C or Fortran order. */
export function decodeNpy(bytes: Uint8Array, label: string): FloatImage {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw new InputError(`${label}: not a .npy file`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const hlen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = new TextDecoder('latin1').decode(bytes.subarray(start, start + hlen));
  const descr = /'descr'\s*:\s*'([<>|=]?)([fi])(\d)'/.exec(header);
  const shape = /'shape'\s*:\s*\(\s*(\d+)\s*,\s*(\d+)\s*,?\s*\)/.exec(header);
  const fortran = /'fortran_order'\s*:\s*True/.test(header);
  if (!descr || descr[2] !== 'f' || !['4', '8'].includes(descr[3]) || !shape)
    throw new InputError(`${label}: only 2-D float32/float64 .npy arrays are supported (header ${header.trim()})`);
  const height = Number(shape[1]);
  const width = Number(shape[2]);
  const size = Number(descr[3]);
  const little = descr[1] !== '>';
  const offset = start + hlen;
  if (bytes.length < offset + width * height * size) throw new InputError(`${label}: .npy file is truncated`);
  const data = new Float32Array(width * height);
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++) {
      const k = fortran ? c * height + r : r * width + c;
      data[r * width + c] = size === 4 ? view.getFloat32(offset + 4 * k, little) : view.getFloat64(offset + 8 * k, little);
    }
  return { width, height, data };
}
