/**
 * div(grad x / |grad x|) on the top-left width x height window of a grid with `stride` columns:
 * forward differences for the gradient, backward for the divergence, zero flux at the window edges.
 * Reference: Dey et al., Microsc. Res. Tech. 69, 260 (2006).
 */
export function tvDivergence(
  x: Float64Array,
  stride: number,
  width: number,
  height: number,
  epsilon: number,
  nx: Float64Array,
  ny: Float64Array,
  out: Float64Array,
): void {
  const eps2 = epsilon * epsilon;
  for (let y = 0; y < height; y++) {
    for (let i = 0; i < width; i++) {
      const p = y * stride + i;
      const v = x[p];
      const gx = i + 1 < width ? x[p + 1] - v : 0;
      const gy = y + 1 < height ? x[p + stride] - v : 0;
      const inv = 1 / Math.sqrt(gx * gx + gy * gy + eps2);
      nx[p] = gx * inv;
      ny[p] = gy * inv;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let i = 0; i < width; i++) {
      const p = y * stride + i;
      out[p] = nx[p] - (i > 0 ? nx[p - 1] : 0) + ny[p] - (y > 0 ? ny[p - stride] : 0);
    }
  }
}
