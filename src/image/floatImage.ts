/** A single-channel image, row-major: pixel (x, y) is data[y * width + x]. */
export interface FloatImage {
  width: number;
  height: number;
  data: Float32Array;
}

export function createImage(width: number, height: number, data?: Float32Array): FloatImage {
  return { width, height, data: data ?? new Float32Array(width * height) };
}

/** Copies the width x height window whose top-left corner is (x0, y0). */
export function cropImage(img: FloatImage, x0: number, y0: number, width: number, height: number): FloatImage {
  const out = createImage(width, height);
  for (let y = 0; y < height; y++) {
    const src = (y0 + y) * img.width + x0;
    out.data.set(img.data.subarray(src, src + width), y * width);
  }
  return out;
}

export function imageMax(img: FloatImage): number {
  let m = -Infinity;
  for (let i = 0; i < img.data.length; i++) if (img.data[i] > m) m = img.data[i];
  return m;
}

/** The value at fraction q (0..1) of the sorted pixel values, linearly interpolated. */
export function percentile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  if (sorted.length === 0) return NaN;
  const pos = Math.min(Math.max(q, 0), 1) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
