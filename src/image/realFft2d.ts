import FFT from 'fft.js';

const BLOCK_ROWS = 32;

export function nextPow2(n: number): number {
  let p = 2;
  while (p < n) p *= 2;
  return p;
}

/**
 * 2-D FFT of real images of size height x width (both powers of two), done as 1-D fft.js transforms:
 * rows first, two real rows packed into one complex transform, then the columns of the half spectrum.
 * The spectrum is stored transposed and halved: complex entry (row frequency v, column frequency u),
 * u = 0..width/2, sits at index 2 * (u * height + v). Only the first rowsUsed input rows may be
 * non-zero and only the first rowsNeeded output rows are produced, which skips the padding rows.
 */
export class RealFft2d {
  readonly width: number;
  readonly height: number;
  readonly spectrumLength: number;
  private readonly rowFft: FFT;
  private readonly colFft: FFT;
  private readonly z: Float64Array;
  private readonly zf: Float64Array;
  private readonly col: Float64Array;
  private readonly colOut: Float64Array;
  private readonly block: Float64Array;

  constructor(width: number, height: number) {
    if (!isPow2(width) || !isPow2(height)) throw new Error(`FFT size ${width}x${height} must be powers of two >= 2`);
    this.width = width;
    this.height = height;
    const nu = width / 2 + 1;
    this.spectrumLength = 2 * nu * height;
    this.rowFft = new FFT(width);
    this.colFft = new FFT(height);
    this.z = new Float64Array(2 * width);
    this.zf = new Float64Array(2 * width);
    this.col = new Float64Array(2 * height);
    this.colOut = new Float64Array(2 * height);
    this.block = new Float64Array(2 * BLOCK_ROWS * nu);
  }

  createSpectrum(): Float64Array {
    return new Float64Array(this.spectrumLength);
  }

  forward(input: Float64Array, spectrum: Float64Array, rowsUsed = this.height): void {
    const { width: W, height: H, z, zf, block } = this;
    const half = W / 2;
    const nu = half + 1;
    const used = Math.min(rowsUsed, H);
    let r0 = 0;
    for (; r0 < used; r0 += BLOCK_ROWS) {
      const nRows = Math.min(BLOCK_ROWS, H - r0);
      for (let p = 0; p < nRows; p += 2) {
        const ra = r0 + p;
        const rb = ra + 1;
        const offA = ra * W;
        const offB = rb * W;
        const hasA = ra < used;
        const hasB = rb < used && p + 1 < nRows;
        for (let j = 0; j < W; j++) {
          z[2 * j] = hasA ? input[offA + j] : 0;
          z[2 * j + 1] = hasB ? input[offB + j] : 0;
        }
        this.rowFft.transform(zf, z);
        const hasPair = p + 1 < nRows;
        for (let k = 0, o = 2 * p; k <= half; k++, o += 2 * BLOCK_ROWS) {
          const m = (W - k) & (W - 1);
          const zr = zf[2 * k];
          const zi = zf[2 * k + 1];
          const cr = zf[2 * m];
          const ci = -zf[2 * m + 1];
          // z = a + i b  =>  A_k = (Z_k + conj Z_-k) / 2,  B_k = (Z_k - conj Z_-k) / 2i
          block[o] = 0.5 * (zr + cr);
          block[o + 1] = 0.5 * (zi + ci);
          if (hasPair) {
            block[o + 2] = 0.5 * (zi - ci);
            block[o + 3] = -0.5 * (zr - cr);
          }
        }
      }
      for (let k = 0; k < nu; k++) spectrum.set(block.subarray(2 * k * BLOCK_ROWS, 2 * k * BLOCK_ROWS + 2 * nRows), 2 * (k * H + r0));
    }
    const filled = Math.min(r0, H);
    if (filled < H) for (let k = 0; k < nu; k++) spectrum.fill(0, 2 * (k * H + filled), 2 * (k * H + H));
    this.columns(spectrum, false);
  }

  // Copying each column into a standalone array is faster with fft.js than transforming a subarray view.
  private columns(spectrum: Float64Array, inverse: boolean): void {
    const { col, colOut, height: H } = this;
    const nu = this.width / 2 + 1;
    for (let k = 0; k < nu; k++) {
      const off = 2 * k * H;
      col.set(spectrum.subarray(off, off + 2 * H));
      if (inverse) this.colFft.inverseTransform(colOut, col);
      else this.colFft.transform(colOut, col);
      spectrum.set(colOut, off);
    }
  }

  /** Inverse of forward; overwrites spectrum. */
  inverse(spectrum: Float64Array, output: Float64Array, rowsNeeded = this.height): void {
    const { width: W, height: H, z, zf, block } = this;
    const half = W / 2;
    const nu = half + 1;
    this.columns(spectrum, true);
    const needed = Math.min(rowsNeeded, H);
    for (let r0 = 0; r0 < needed; r0 += BLOCK_ROWS) {
      const nRows = Math.min(BLOCK_ROWS, H - r0);
      for (let k = 0; k < nu; k++) {
        const src = 2 * (k * H + r0);
        block.set(spectrum.subarray(src, src + 2 * nRows), 2 * k * BLOCK_ROWS);
      }
      for (let p = 0; p < nRows && r0 + p < needed; p += 2) {
        const hasB = p + 1 < nRows;
        for (let k = 0, o = 2 * p; k <= half; k++, o += 2 * BLOCK_ROWS) {
          const ar = block[o];
          const ai = block[o + 1];
          const br = hasB ? block[o + 2] : 0;
          const bi = hasB ? block[o + 3] : 0;
          zf[2 * k] = ar - bi;
          zf[2 * k + 1] = ai + br;
          if (k > 0 && k < half) {
            zf[2 * (W - k)] = ar + bi;
            zf[2 * (W - k) + 1] = br - ai;
          }
        }
        this.rowFft.inverseTransform(z, zf);
        const offA = (r0 + p) * W;
        for (let j = 0; j < W; j++) output[offA + j] = z[2 * j];
        if (hasB) {
          const offB = offA + W;
          for (let j = 0; j < W; j++) output[offB + j] = z[2 * j + 1];
        }
      }
    }
  }
}

function isPow2(n: number): boolean {
  return Number.isInteger(n) && n >= 2 && (n & (n - 1)) === 0;
}
