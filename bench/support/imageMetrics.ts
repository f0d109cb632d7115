import type { FloatImage } from '../../src/image/floatImage.js';

/** Peak signal-to-noise ratio (dB) of test against ref, with the peak taken as max(ref) - min(ref). */
export function psnr(ref: FloatImage, test: FloatImage): number {
  const { min, max } = range(ref);
  let se = 0;
  for (let i = 0; i < ref.data.length; i++) se += (ref.data[i] - test.data[i]) ** 2;
  const mse = se / ref.data.length;
  return 10 * Math.log10(((max - min) * (max - min)) / mse);
}

/**
 * Mean structural similarity with an 11x11 Gaussian window (sigma 1.5 px), K1 = 0.01, K2 = 0.03,
 * L = max(ref) - min(ref), over the pixels whose window lies inside the image.
 * Reference: Wang et al., IEEE Trans. Image Process. 13, 600 (2004).
 */
export function ssim(ref: FloatImage, test: FloatImage): number {
  const { width: W, height: H } = ref;
  const { min, max } = range(ref);
  const L = max - min;
  const c1 = (0.01 * L) ** 2;
  const c2 = (0.03 * L) ** 2;
  const radius = 5;
  const win: number[] = [];
  let wsum = 0;
  for (let i = -radius; i <= radius; i++) {
    const w = Math.exp(-(i * i) / (2 * 1.5 * 1.5));
    win.push(w);
    wsum += w;
  }
  for (let i = 0; i < win.length; i++) win[i] /= wsum;
  const a = ref.data;
  const b = test.data;
  const blur = (f: (i: number) => number): Float64Array => {
    const tmp = new Float64Array(W * H);
    const out = new Float64Array(W * H);
    for (let y = 0; y < H; y++)
      for (let x = radius; x < W - radius; x++) {
        let s = 0;
        for (let k = -radius; k <= radius; k++) s += win[k + radius] * f(y * W + x + k);
        tmp[y * W + x] = s;
      }
    for (let y = radius; y < H - radius; y++)
      for (let x = radius; x < W - radius; x++) {
        let s = 0;
        for (let k = -radius; k <= radius; k++) s += win[k + radius] * tmp[(y + k) * W + x];
        out[y * W + x] = s;
      }
    return out;
  };
  const mx = blur((i) => a[i]);
  const my = blur((i) => b[i]);
  const sxx = blur((i) => a[i] * a[i]);
  const syy = blur((i) => b[i] * b[i]);
  const sxy = blur((i) => a[i] * b[i]);
  let total = 0;
  let n = 0;
  for (let y = radius; y < H - radius; y++)
    for (let x = radius; x < W - radius; x++) {
      const p = y * W + x;
      const vx = sxx[p] - mx[p] * mx[p];
      const vy = syy[p] - my[p] * my[p];
      const cxy = sxy[p] - mx[p] * my[p];
      total += ((2 * mx[p] * my[p] + c1) * (2 * cxy + c2)) / ((mx[p] * mx[p] + my[p] * my[p] + c1) * (vx + vy + c2));
      n++;
    }
  return total / n;
}

function range(img: FloatImage): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < img.data.length; i++) {
    const v = img.data[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
