import { InputError } from '../errors.js';
import { createImage, type FloatImage } from '../image/floatImage.js';

/** Checks a restoration kernel (odd size, finite, non-negative, positive sum) and scales it to unit sum. */
export function normaliseKernel(kernel: FloatImage, label = 'kernel'): FloatImage {
  if (kernel.width % 2 !== 1 || kernel.height % 2 !== 1)
    throw new InputError(`${label}: must have odd width and height so that it has a centre pixel (got ${kernel.width}x${kernel.height})`);
  let sum = 0;
  for (let i = 0; i < kernel.data.length; i++) {
    const v = kernel.data[i];
    if (!Number.isFinite(v) || v < 0) {
      const x = i % kernel.width;
      const y = Math.floor(i / kernel.width);
      throw new InputError(`${label}: pixel (x=${x}, y=${y}) is ${v}; kernel values must be finite and >= 0`);
    }
    sum += v;
  }
  if (!(sum > 0)) throw new InputError(`${label}: all pixels are zero`);
  const out = createImage(kernel.width, kernel.height);
  for (let i = 0; i < out.data.length; i++) out.data[i] = kernel.data[i] / sum;
  return out;
}
