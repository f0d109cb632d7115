import { createImage, type FloatImage } from './floatImage.js';
import { nextPow2, RealFft2d } from './realFft2d.js';

/**
 * Circular convolution on an fftWidth x fftHeight grid with one fixed kernel whose spectrum is computed
 * once. The kernel has odd width and height and is centred at its middle pixel. Inputs and outputs are
 * Float64Array grids of fftHeight rows x fftWidth columns.
 */
export class FftConvolver {
  readonly fft: RealFft2d;
  private readonly kernelSpectrum: Float64Array;
  private readonly work: Float64Array;

  constructor(kernel: FloatImage, fftWidth: number, fftHeight: number, fft?: RealFft2d, work?: Float64Array) {
    assertOddKernel(kernel);
    if (kernel.width > fftWidth || kernel.height > fftHeight)
      throw new Error(`kernel ${kernel.width}x${kernel.height} does not fit the FFT grid ${fftWidth}x${fftHeight}`);
    this.fft = fft ?? new RealFft2d(fftWidth, fftHeight);
    if (this.fft.width !== fftWidth || this.fft.height !== fftHeight) throw new Error('FFT plan size mismatch');
    this.work = work ?? this.fft.createSpectrum();
    const wrapped = new Float64Array(fftWidth * fftHeight);
    const cx = (kernel.width - 1) / 2;
    const cy = (kernel.height - 1) / 2;
    for (let y = 0; y < kernel.height; y++) {
      const wy = (y - cy + fftHeight) % fftHeight;
      for (let x = 0; x < kernel.width; x++) {
        const wx = (x - cx + fftWidth) % fftWidth;
        wrapped[wy * fftWidth + wx] = kernel.data[y * kernel.width + x];
      }
    }
    this.kernelSpectrum = this.fft.createSpectrum();
    this.fft.forward(wrapped, this.kernelSpectrum);
  }

  /** output = kernel (*) input. Rows of input at or beyond rowsUsed must be zero. */
  convolve(input: Float64Array, output: Float64Array, rowsUsed?: number, rowsNeeded?: number): void {
    this.apply(input, output, false, rowsUsed, rowsNeeded);
  }

  /** output = kernel (x) input (correlation, the adjoint of convolve). */
  correlate(input: Float64Array, output: Float64Array, rowsUsed?: number, rowsNeeded?: number): void {
    this.apply(input, output, true, rowsUsed, rowsNeeded);
  }

  private apply(input: Float64Array, output: Float64Array, conjugate: boolean, rowsUsed?: number, rowsNeeded?: number): void {
    const s = this.work;
    const k = this.kernelSpectrum;
    this.fft.forward(input, s, rowsUsed);
    const sign = conjugate ? -1 : 1;
    for (let i = 0; i < s.length; i += 2) {
      const ar = s[i];
      const ai = s[i + 1];
      const kr = k[i];
      const ki = sign * k[i + 1];
      s[i] = ar * kr - ai * ki;
      s[i + 1] = ar * ki + ai * kr;
    }
    this.fft.inverse(s, output, rowsNeeded);
  }
}

/** Linear convolution with zero outside the image; the output has the image's size. */
export function fftConvolve(image: FloatImage, kernel: FloatImage): FloatImage {
  return linear(image, kernel, false);
}

/** Linear correlation (convolution with the kernel flipped through its centre), same size as the image. */
export function fftCorrelate(image: FloatImage, kernel: FloatImage): FloatImage {
  return linear(image, kernel, true);
}

function linear(image: FloatImage, kernel: FloatImage, correlate: boolean): FloatImage {
  assertOddKernel(kernel);
  const hx = (kernel.width - 1) / 2;
  const hy = (kernel.height - 1) / 2;
  const fw = nextPow2(image.width + hx);
  const fh = nextPow2(image.height + hy);
  const conv = new FftConvolver(kernel, fw, fh);
  const grid = new Float64Array(fw * fh);
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) grid[y * fw + x] = image.data[y * image.width + x];
  const out = new Float64Array(fw * fh);
  if (correlate) conv.correlate(grid, out, image.height, image.height);
  else conv.convolve(grid, out, image.height, image.height);
  const result = createImage(image.width, image.height);
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) result.data[y * image.width + x] = out[y * fw + x];
  return result;
}

export function assertOddKernel(kernel: FloatImage): void {
  if (kernel.width % 2 !== 1 || kernel.height % 2 !== 1)
    throw new Error(`kernel must have odd width and height (got ${kernel.width}x${kernel.height})`);
}
