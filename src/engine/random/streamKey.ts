import { philoxKey } from './philox.mjs';

/**
 * The streamKey kernel argument: Philox key (run seed) and the batch's first global photon index,
 * as eight 16-bit halves (low first), each exact in an f32 so no backend's argument copy can alter it.
 */
export function streamKeyArgument(seed: number, firstPhoton: number): Float32Array {
  if (!Number.isSafeInteger(firstPhoton) || firstPhoton < 0) throw new RangeError(`first photon index must be a whole number ≥ 0 (got ${firstPhoton})`);
  const [k0, k1] = philoxKey(seed);
  const lo = firstPhoton % 2 ** 32;
  const hi = Math.floor(firstPhoton / 2 ** 32);
  return Float32Array.from([k0, k1, lo, hi].flatMap((w) => [w & 0xffff, w >>> 16]));
}
