import { createImage, type FloatImage } from '../image/floatImage.js';
import { normaliseKernel } from './normalisePsf.js';

/**
 * Re-grids a centred kernel from pixel size fromPixelMm to toPixelMm, keeping the centre on the middle
 * pixel and the physical extent (rounded to an odd size). Each new pixel is the mean of bilinear samples
 * over its area (enough samples to cover every source pixel), then the kernel is renormalised to sum 1.
 */
export function resampleKernel(kernel: FloatImage, fromPixelMm: number, toPixelMm: number): FloatImage {
  const src = normaliseKernel(kernel);
  const scale = toPixelMm / fromPixelMm;
  const halfX = Math.max(0, Math.floor(((kernel.width - 1) / 2) / scale));
  const halfY = Math.max(0, Math.floor(((kernel.height - 1) / 2) / scale));
  const out = createImage(2 * halfX + 1, 2 * halfY + 1);
  const cx = (kernel.width - 1) / 2;
  const cy = (kernel.height - 1) / 2;
  const sub = Math.max(2, Math.ceil(2 * scale));
  const at = (x: number, y: number): number => {
    if (x < 0 || y < 0 || x > kernel.width - 1 || y > kernel.height - 1) return 0;
    const x0 = Math.min(Math.floor(x), kernel.width - 2 < 0 ? 0 : kernel.width - 2);
    const y0 = Math.min(Math.floor(y), kernel.height - 2 < 0 ? 0 : kernel.height - 2);
    const x1 = Math.min(x0 + 1, kernel.width - 1);
    const y1 = Math.min(y0 + 1, kernel.height - 1);
    const tx = x - x0;
    const ty = y - y0;
    const d = src.data;
    const w = kernel.width;
    return (
      (1 - ty) * ((1 - tx) * d[y0 * w + x0] + tx * d[y0 * w + x1]) + ty * ((1 - tx) * d[y1 * w + x0] + tx * d[y1 * w + x1])
    );
  };
  for (let j = 0; j < out.height; j++)
    for (let i = 0; i < out.width; i++) {
      let s = 0;
      for (let sy = 0; sy < sub; sy++)
        for (let sx = 0; sx < sub; sx++) {
          const xs = cx + (i - halfX - 0.5 + (sx + 0.5) / sub) * scale;
          const ys = cy + (j - halfY - 0.5 + (sy + 0.5) / sub) * scale;
          s += at(xs, ys);
        }
      out.data[j * out.width + i] = s;
    }
  return normaliseKernel(out, 'resampled kernel');
}
