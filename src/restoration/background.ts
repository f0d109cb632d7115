import { percentile, type FloatImage } from '../image/floatImage.js';

const BOX_PX = 7;
const QUANTILE = 0.01;

/**
 * A constant background estimate: the 1st percentile of the image after a 7x7 box mean. Averaging first
 * keeps Poisson noise from dragging a raw low percentile far below the true background level.
 */
export function estimateBackground(image: FloatImage): number {
  const { width: W, height: H, data } = image;
  const integral = new Float64Array((W + 1) * (H + 1));
  for (let y = 0; y < H; y++) {
    let row = 0;
    for (let x = 0; x < W; x++) {
      row += Math.max(data[y * W + x], 0);
      integral[(y + 1) * (W + 1) + x + 1] = integral[y * (W + 1) + x + 1] + row;
    }
  }
  const r = (BOX_PX - 1) / 2;
  const means = new Float64Array(W * H);
  for (let y = 0; y < H; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(H, y + r + 1);
    for (let x = 0; x < W; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(W, x + r + 1);
      const s = integral[y1 * (W + 1) + x1] - integral[y0 * (W + 1) + x1] - integral[y1 * (W + 1) + x0] + integral[y0 * (W + 1) + x0];
      means[y * W + x] = s / ((y1 - y0) * (x1 - x0));
    }
  }
  return Math.max(0, percentile(means, QUANTILE));
}
