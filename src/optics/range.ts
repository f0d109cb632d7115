/** A closed wavelength interval [fromNm, toNm]; either end may be infinite. */
export type RangeNm = readonly [number, number];

/** Intersection of ranges; `null` entries (wavelength-independent values) are ignored. Returns null if all are null. */
export function intersectRanges(ranges: readonly (RangeNm | null)[]): RangeNm | null {
  let out: RangeNm | null = null;
  for (const r of ranges) {
    if (r === null) continue;
    out = out === null ? r : [Math.max(out[0], r[0]), Math.min(out[1], r[1])];
  }
  return out;
}

export function inRange(r: RangeNm, wavelengthNm: number): boolean {
  return wavelengthNm >= r[0] && wavelengthNm <= r[1];
}

export function formatRange(r: RangeNm): string {
  const end = (x: number) => (Number.isFinite(x) ? `${+x.toFixed(2)}` : '∞');
  return `${end(r[0])}–${end(r[1])} nm`;
}
