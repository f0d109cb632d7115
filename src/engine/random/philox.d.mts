export function philox4x32(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: number[] | Uint32Array): number[] | Uint32Array;
export function philoxKey(seed: number): [number, number];
export function uniform24(word: number): number;
export function photonRandom(seed: number, firstPhoton: number, thread: { x: number }): () => number;
export const DRAWS_PER_FILL: number;
/** Writes the uniform draws of blocks block .. block + DRAWS_PER_FILL/4 − 1 of stream (lo, hi) into philoxDraws. */
export function philoxBlocks(block: number, lo: number, hi: number, k0: number, k1: number): void;
export const philoxDraws: Float64Array;
