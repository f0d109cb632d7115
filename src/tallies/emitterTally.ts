import { decodeExit, exitRecord } from '../engine/records.js';
import { standardError } from './stats.js';

export interface EmitterTallySpec {
  /** Bin width for the radial PSF and the folded line profile (mm). */
  binMm: number;
  bins: number;
  /** Groups for jackknife errors: photon i of the run goes to group i mod groups (whatever the batch size). */
  groups: number;
}

/**
 * What a camera sees of one emitter, from exit records (tally mode 0): the radial PSF (annulus
 * weights), the line spread function folded about the axis (x and y marginals together), and the
 * detected weight, each kept per group of batches for jackknife standard errors.
 */
export class EmitterTally {
  photons = 0;
  detectedCount = 0;
  /** Packets stopped by the step cap. */
  steppedOut = 0;
  detectedSum = 0;
  detectedSq = 0;
  readonly radial: Float64Array[];
  readonly folded: Float64Array[];

  constructor(readonly spec: EmitterTallySpec) {
    this.radial = Array.from({ length: spec.groups }, () => new Float64Array(spec.bins));
    this.folded = Array.from({ length: spec.groups }, () => new Float64Array(spec.bins));
  }

  /** Adds the records of photons firstPhoton .. firstPhoton + photons − 1 of the run. */
  add(records: Float32Array, photons: number, firstPhoton: number): void {
    const { binMm, bins, groups } = this.spec;
    const last = bins - 1;
    const r = exitRecord();
    for (let i = 0; i < photons; i++) {
      decodeExit(records, i, r);
      if (r.kind === 'stepCap') this.steppedOut++;
      if (r.kind !== 'detected') continue;
      const w = r.weight;
      const group = (firstPhoton + i) % groups;
      const radial = this.radial[group];
      const folded = this.folded[group];
      this.detectedCount++;
      this.detectedSum += w;
      this.detectedSq += w * w;
      radial[Math.min(Math.floor(Math.sqrt(r.xMm * r.xMm + r.yMm * r.yMm) / binMm), last)] += w;
      // Each marginal is a line spread function; adding both halves the noise of the folded profile.
      folded[Math.min(Math.floor(Math.abs(r.xMm) / binMm), last)] += 0.5 * w;
      folded[Math.min(Math.floor(Math.abs(r.yMm) / binMm), last)] += 0.5 * w;
    }
    this.photons += photons;
  }

  detected(): { value: number; stdErr: number } {
    return { value: this.detectedSum / this.photons, stdErr: standardError(this.detectedSum, this.detectedSq, this.photons) };
  }

  /** Groups that received photons (a short run may fill fewer than spec.groups). */
  usedGroups(which: 'radial' | 'folded'): Float64Array[] {
    return this[which].filter((g) => g.some((v) => v !== 0));
  }
}
