import { writeFileAtomic } from './atomic.js';

/** Encodes a little-endian float32/float64 C-order array in NumPy's .npy format (version 1.0). */
export function encodeNpy(data: Float32Array | Float64Array, shape: number[]): Uint8Array {
  const descr = data instanceof Float32Array ? '<f4' : '<f8';
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const preamble = 10;
  const padded = Math.ceil((preamble + header.length + 1) / 64) * 64;
  header = header.padEnd(padded - preamble - 1, ' ') + '\n';
  const out = new Uint8Array(preamble + header.length + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), preamble);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), preamble + header.length);
  return out;
}

export function writeNpyFile(path: string, data: Float32Array | Float64Array, shape: number[]): void {
  writeFileAtomic(path, encodeNpy(data, shape));
}
