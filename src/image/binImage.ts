import { createImage, type FloatImage } from './floatImage.js';

/** Sums factor x factor blocks (dropping a remainder at the right and bottom); sums of Poisson counts stay Poisson. */
export function binImage(img: FloatImage, factor: number): FloatImage {
  if (factor === 1) return img;
  const w = Math.floor(img.width / factor);
  const h = Math.floor(img.height / factor);
  const out = createImage(w, h);
  for (let y = 0; y < h * factor; y++) {
    const row = Math.floor(y / factor) * w;
    for (let x = 0; x < w * factor; x++) out.data[row + Math.floor(x / factor)] += img.data[y * img.width + x];
  }
  return out;
}

/**
 * The kernel that maps a factor-binned object to factor-binned data when each binned object pixel spreads
 * evenly over its block: K(M) = sum_u k(factor M + u) (factor - |ux|)(factor - |uy|) / factor^2, |u| < factor.
 * Centred on the middle pixel; sums to the same total as the input.
 */
export function binKernel(kernel: FloatImage, factor: number): FloatImage {
  if (factor === 1) return kernel;
  const hx = (kernel.width - 1) / 2;
  const hy = (kernel.height - 1) / 2;
  const Hx = Math.floor((hx + factor - 1) / factor);
  const Hy = Math.floor((hy + factor - 1) / factor);
  const out = createImage(2 * Hx + 1, 2 * Hy + 1);
  const f2 = factor * factor;
  for (let My = -Hy; My <= Hy; My++)
    for (let Mx = -Hx; Mx <= Hx; Mx++) {
      let s = 0;
      for (let uy = 1 - factor; uy < factor; uy++) {
        const vy = factor * My + uy;
        if (vy < -hy || vy > hy) continue;
        const wy = factor - Math.abs(uy);
        for (let ux = 1 - factor; ux < factor; ux++) {
          const vx = factor * Mx + ux;
          if (vx < -hx || vx > hx) continue;
          s += kernel.data[(vy + hy) * kernel.width + vx + hx] * wy * (factor - Math.abs(ux));
        }
      }
      out.data[(My + Hy) * out.width + Mx + Hx] = s / f2;
    }
  return out;
}
