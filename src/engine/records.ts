/**
 * The photon record the transport kernel returns: RECORD_FLOATS numbers per photon. In exit mode
 * (tally mode 0) it is [x, y, signedWeight, pathCode] — x, y in the camera's image plane (mm);
 * signedWeight > 0 left through the top, < 0 through the bottom; pathCode ≥ 0 path length in tissue
 * (mm), CODE_STEP_CAP stopped by the step cap (the weight it still carried), ≤ CODE_OUTSIDE_CONE left
 * through the top outside the acceptance cone (path length = CODE_OUTSIDE_CONE − pathCode).
 * In the fluence and absorption modes the four numbers are four sums (slabs or layers).
 * This module is the only decoder; kernels/transport.js is the only encoder.
 */
export const RECORD_FLOATS = 4;
export const CODE_STEP_CAP = -1;
export const CODE_OUTSIDE_CONE = -2;

export type ExitKind =
  /** Left through the top inside the acceptance cone: the camera sees it. */
  | 'detected'
  /** Left through the top outside the acceptance cone. */
  | 'outsideCone'
  /** Left through the bottom surface. */
  | 'transmitted'
  /** Stopped by the step cap, still carrying `weight`. */
  | 'stepCap'
  /** Absorbed (or lost to roulette) inside the tissue. */
  | 'absorbed';

export interface ExitRecord {
  kind: ExitKind;
  xMm: number;
  yMm: number;
  /** Weight carried out (always ≥ 0; 0 when absorbed). */
  weight: number;
  /** Path length in tissue (mm); NaN for a step-capped packet. */
  pathMm: number;
}

/** A fresh record to decode into (reuse one per loop: decoding allocates nothing). */
export function exitRecord(): ExitRecord {
  return { kind: 'absorbed', xMm: 0, yMm: 0, weight: 0, pathMm: 0 };
}

/** Decodes photon i of an exit-mode batch into `out` and returns it. */
export function decodeExit(records: Float32Array, i: number, out: ExitRecord = exitRecord()): ExitRecord {
  const o = i * RECORD_FLOATS;
  const w = records[o + 2];
  const code = records[o + 3];
  out.xMm = records[o];
  out.yMm = records[o + 1];
  if (code === CODE_STEP_CAP) {
    out.kind = 'stepCap';
    out.weight = w;
    out.pathMm = NaN;
  } else if (w > 0) {
    out.weight = w;
    if (code >= 0) {
      out.kind = 'detected';
      out.pathMm = code;
    } else {
      out.kind = 'outsideCone';
      out.pathMm = CODE_OUTSIDE_CONE - code;
    }
  } else if (w < 0) {
    out.kind = 'transmitted';
    out.weight = -w;
    out.pathMm = code;
  } else {
    out.kind = 'absorbed';
    out.weight = 0;
    out.pathMm = code;
  }
  return out;
}

/** Sum k (0..RECORD_FLOATS−1) of photon i in the fluence and absorption modes. */
export function recordSum(records: Float32Array, i: number, k: number): number {
  return records[i * RECORD_FLOATS + k];
}
