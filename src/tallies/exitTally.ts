import { decodeExit, exitRecord } from '../engine/records.js';
import { standardError } from './stats.js';

export interface ExitTallySpec {
  radialBinMm: number;
  radialBins: number;
  /** Side of the square exit image in pixels (odd, so the source sits on the centre pixel). */
  imagePixels: number;
  imagePixelMm: number;
  pathBinMm: number;
  pathBins: number;
}

const KEYS = ['rdSum', 'rdSq', 'ttSum', 'ttSq', 'detectedSum', 'detectedSq', 'rejectedSum', 'absorbedSum', 'absorbedSq', 'steppedOutWeight'] as const;

/**
 * Sums over photon exit records (kernel tally mode 0). Every field is a plain sum, so tallies of
 * different batches merge by addition; merged in batch order they are identical for any thread count.
 */
export class ExitTally {
  photons = 0;
  steppedOut = 0;
  rdSum = 0;
  rdSq = 0;
  ttSum = 0;
  ttSq = 0;
  detectedSum = 0;
  detectedSq = 0;
  rejectedSum = 0;
  absorbedSum = 0;
  absorbedSq = 0;
  steppedOutWeight = 0;
  readonly radial: Float64Array;
  readonly transmittedRadial: Float64Array;
  readonly image: Float64Array;
  readonly pathLength: Float64Array;

  constructor(
    readonly spec: ExitTallySpec,
    readonly launchWeight: number,
  ) {
    this.radial = new Float64Array(spec.radialBins);
    this.transmittedRadial = new Float64Array(spec.radialBins);
    this.image = new Float64Array(spec.imagePixels * spec.imagePixels);
    this.pathLength = new Float64Array(spec.pathBins);
  }

  add(records: Float32Array, photons: number): void {
    const { radialBinMm, radialBins, imagePixels, imagePixelMm, pathBinMm, pathBins } = this.spec;
    const half = imagePixels / 2;
    const r = exitRecord();
    for (let i = 0; i < photons; i++) {
      decodeExit(records, i, r);
      let top = 0;
      let bottom = 0;
      let residual = 0;
      if (r.kind === 'stepCap') {
        this.steppedOut++;
        residual = r.weight;
        this.steppedOutWeight += r.weight;
      } else if (r.kind === 'detected' || r.kind === 'outsideCone') {
        top = r.weight;
        const radius = Math.sqrt(r.xMm * r.xMm + r.yMm * r.yMm);
        this.radial[Math.min(Math.floor(radius / radialBinMm), radialBins - 1)] += top;
        if (r.kind === 'detected') {
          this.detectedSum += top;
          this.detectedSq += top * top;
          const px = Math.floor(r.xMm / imagePixelMm + half);
          const py = Math.floor(r.yMm / imagePixelMm + half);
          if (px >= 0 && px < imagePixels && py >= 0 && py < imagePixels) this.image[py * imagePixels + px] += top;
          this.pathLength[Math.min(Math.floor(r.pathMm / pathBinMm), pathBins - 1)] += top;
        } else {
          this.rejectedSum += top;
        }
      } else if (r.kind === 'transmitted') {
        bottom = r.weight;
        const radius = Math.sqrt(r.xMm * r.xMm + r.yMm * r.yMm);
        this.transmittedRadial[Math.min(Math.floor(radius / radialBinMm), radialBins - 1)] += bottom;
      }
      this.rdSum += top;
      this.rdSq += top * top;
      this.ttSum += bottom;
      this.ttSq += bottom * bottom;
      const absorbed = this.launchWeight - top - bottom - residual;
      this.absorbedSum += absorbed;
      this.absorbedSq += absorbed * absorbed;
    }
    this.photons += photons;
  }

  merge(other: ExitTally): void {
    this.photons += other.photons;
    this.steppedOut += other.steppedOut;
    for (const k of KEYS) this[k] += other[k];
    const addInto = (a: Float64Array, b: Float64Array) => b.forEach((v, i) => (a[i] += v));
    addInto(this.radial, other.radial);
    addInto(this.transmittedRadial, other.transmittedRadial);
    addInto(this.image, other.image);
    addInto(this.pathLength, other.pathLength);
  }

  /** Per-launched-photon estimates with standard errors. */
  summary() {
    const n = this.photons;
    return {
      diffuseReflectance: this.rdSum / n,
      diffuseReflectanceStdErr: standardError(this.rdSum, this.rdSq, n),
      transmittance: this.ttSum / n,
      transmittanceStdErr: standardError(this.ttSum, this.ttSq, n),
      absorbed: this.absorbedSum / n,
      absorbedStdErr: standardError(this.absorbedSum, this.absorbedSq, n),
      detected: this.detectedSum / n,
      detectedStdErr: standardError(this.detectedSum, this.detectedSq, n),
      outsideAcceptance: this.rejectedSum / n,
      steppedOut: this.steppedOut,
      steppedOutWeight: this.steppedOutWeight / n,
    };
  }

  /** MCML's Rd(r): weight per unit area per launched photon; the last bin also holds all beyond the grid. */
  radialReflectancePerMm2(): { rMm: number[]; perMm2: number[] } {
    const dr = this.spec.radialBinMm;
    const rMm: number[] = [];
    const perMm2: number[] = [];
    for (let i = 0; i < this.spec.radialBins; i++) {
      rMm.push((i + 0.5) * dr);
      perMm2.push(this.radial[i] / (this.photons * Math.PI * (2 * i + 1) * dr * dr));
    }
    return { rMm, perMm2 };
  }

  toJSON() {
    const plain: Record<string, unknown> = { photons: this.photons, steppedOut: this.steppedOut, launchWeight: this.launchWeight, spec: this.spec };
    for (const k of KEYS) plain[k] = this[k];
    plain.radial = Array.from(this.radial);
    plain.transmittedRadial = Array.from(this.transmittedRadial);
    plain.image = Array.from(this.image);
    plain.pathLength = Array.from(this.pathLength);
    return plain;
  }

  static fromJSON(plain: any): ExitTally {
    const t = new ExitTally(plain.spec, plain.launchWeight);
    t.photons = plain.photons;
    t.steppedOut = plain.steppedOut;
    for (const k of KEYS) t[k] = plain[k];
    t.radial.set(plain.radial);
    t.transmittedRadial.set(plain.transmittedRadial);
    t.image.set(plain.image);
    t.pathLength.set(plain.pathLength);
    return t;
  }
}
