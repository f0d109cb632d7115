// Philox4x32-10 counter-based generator (Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy
// as 1, 2, 3", SC'11; constants and known-answer vectors from their Random123 library). Plain JavaScript
// so the cpu worker (src/engine/backends/cpu-worker.mjs) loads it unbuilt; src/engine/random/philoxWgsl.ts
// holds the same generator in WGSL for the webgpu backend.
//
// Stream layout (see docs/random-streams.md): key = the run seed as a 64-bit two's-complement integer;
// counter = (block index within the photon's stream, photon index low 32 bits, photon index high 32
// bits, 0). Photon i therefore owns the 2^32 blocks (2^34 draws) whose counter words 1–2 equal i, and
// its draws are the same whatever the batch size or thread count.

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
// The high word of a·M from 16-bit halves: every partial sum stays below 2^32 for these two
// multipliers, so it is exact in plain JS numbers (no BigInt) and ports word for word to WGSL's u32.
const M0H = M0 >>> 16;
const M0L = M0 & 0xffff;
const M1H = M1 >>> 16;
const M1L = M1 & 0xffff;

/** Philox4x32-10 of counter (c0..c3) under key (k0, k1); writes four uint32 words into out. */
export function philox4x32(c0, c1, c2, c3, k0, k1, out) {
  for (let round = 0; round < 10; round++) {
    const a0h = c0 >>> 16;
    const a0l = c0 & 0xffff;
    const m0 = a0h * M0L + ((a0l * M0L) >>> 16);
    const hi0 = (a0h * M0H + (m0 >>> 16) + ((a0l * M0H + (m0 & 0xffff)) >>> 16)) >>> 0;
    const lo0 = Math.imul(c0, M0) >>> 0;
    const a2h = c2 >>> 16;
    const a2l = c2 & 0xffff;
    const m2 = a2h * M1L + ((a2l * M1L) >>> 16);
    const hi1 = (a2h * M1H + (m2 >>> 16) + ((a2l * M1H + (m2 & 0xffff)) >>> 16)) >>> 0;
    const lo1 = Math.imul(c2, M1) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
    k0 = (k0 + W0) | 0;
    k1 = (k1 + W1) | 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
  return out;
}

const TWO32 = 4294967296;

/** The Philox key of a run seed (any safe integer): its 64-bit two's complement, low word first. */
export function philoxKey(seed) {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer (got ${seed})`);
  const u = BigInt.asUintN(64, BigInt(seed));
  return [Number(u & 0xffffffffn), Number(u >> 32n)];
}

/** A uint32 word as a uniform draw on the open interval (0, 1): the top 24 bits, centred in their cell. */
export function uniform24(word) {
  return (word >>> 8) * 5.960464477539063e-8 + 2.9802322387695312e-8;
}

// ---- The same generator as a WebAssembly function, for the cpu backend's hot path ----------------
// JavaScript has no 32×32→64-bit multiply, so philox4x32 above spends most of its time on the high
// words; WebAssembly's i64.mul does them in one instruction. philoxBlocks(b, lo, hi, k0, k1) writes the
// uniform draws of blocks b .. b + BLOCKS − 1 of stream (lo, hi) into `draws` (four per block, in word
// order), interleaving the blocks' rounds so their multiplications overlap. Built from bytes here so the
// worker needs no build step; test/engine/streams.test.ts checks it against philox4x32.
const BLOCKS = 2;
const uleb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const sleb = (value) => {
  let v = BigInt(value);
  const out = [];
  for (;;) {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    if ((v === 0n && !(b & 0x40)) || (v === -1n && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};
const f64Bytes = (x) => Array.from(new Uint8Array(new Float64Array([x]).buffer));
const section = (id, bytes) => [id, ...uleb(bytes.length), ...bytes];
const name = (s) => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];

function philoxModuleBytes() {
  const get = (i) => [0x20, i];
  const set = (i) => [0x21, i];
  const i32 = (v) => [0x41, ...sleb(v | 0)];
  const i64 = (v) => [0x42, ...sleb(v)];
  // Params 0 block, 1 lo, 2 hi, 3 k0, 4 k1; locals: counter words, round key, products.
  const C = (b, w) => 5 + 4 * b + w;
  const K0 = 5 + 4 * BLOCKS;
  const K1 = K0 + 1;
  const P = (b, h) => K1 + 1 + 2 * b + h;
  const body = [0x02, ...uleb(4 * BLOCKS + 2), 0x7f, ...uleb(2 * BLOCKS), 0x7e];
  for (let b = 0; b < BLOCKS; b++) body.push(...get(0), ...i32(b), 0x6a, ...set(C(b, 0)), ...get(1), ...set(C(b, 1)), ...get(2), ...set(C(b, 2)));
  body.push(...get(3), ...set(K0), ...get(4), ...set(K1));
  for (let r = 0; r < 10; r++) {
    for (let b = 0; b < BLOCKS; b++) {
      body.push(...get(C(b, 0)), 0xad, ...i64(M0), 0x7e, ...set(P(b, 0))); // i64.extend_i32_u, i64.mul
      body.push(...get(C(b, 2)), 0xad, ...i64(M1), 0x7e, ...set(P(b, 1)));
    }
    for (let b = 0; b < BLOCKS; b++) {
      body.push(...get(P(b, 1)), ...i64(32), 0x88, 0xa7, ...get(C(b, 1)), 0x73, ...get(K0), 0x73, ...set(C(b, 0))); // hi1 ^ c1 ^ k0
      body.push(...get(P(b, 1)), 0xa7, ...set(C(b, 1))); // lo1
      body.push(...get(P(b, 0)), ...i64(32), 0x88, 0xa7, ...get(C(b, 3)), 0x73, ...get(K1), 0x73, ...set(C(b, 2))); // hi0 ^ c3 ^ k1
      body.push(...get(P(b, 0)), 0xa7, ...set(C(b, 3))); // lo0
    }
    body.push(...get(K0), ...i32(W0), 0x6a, ...set(K0), ...get(K1), ...i32(W1), 0x6a, ...set(K1));
  }
  // draw = (w >>> 8) · 2^−24 + 2^−25, stored as f64 at 8·(4b + j)
  for (let b = 0; b < BLOCKS; b++) {
    for (let j = 0; j < 4; j++) {
      body.push(...i32(0), ...get(C(b, j)), ...i32(8), 0x76, 0xb8, 0x44, ...f64Bytes(2 ** -24), 0xa2, 0x44, ...f64Bytes(2 ** -25), 0xa0, 0x39, 3, ...uleb((4 * b + j) * 8));
    }
  }
  body.push(0x0b);
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 5, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 1]),
    ...section(7, [2, ...name('blocks'), 0, 0, ...name('memory'), 2, 0]),
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

const wasm = new WebAssembly.Instance(new WebAssembly.Module(philoxModuleBytes())).exports;
/** Draws per philoxBlocks call. */
export const DRAWS_PER_FILL = 4 * BLOCKS;
export const philoxBlocks = wasm.blocks;
export const philoxDraws = new Float64Array(wasm.memory.buffer, 0, DRAWS_PER_FILL);

/**
 * Math.random for a gpu.js cpu-mode kernel: photon (firstPhoton + thread.x)'s Philox stream, restarted
 * whenever the kernel moves to the next thread. `thread` is the kernel's thread object ({ x }).
 * Every word of every block is used, in order.
 */
export function photonRandom(seed, firstPhoton, thread) {
  const [k0, k1] = philoxKey(seed);
  const draws = philoxDraws;
  const fill = philoxBlocks;
  let current = -1;
  let lo = 0;
  let hi = 0;
  let block = 0;
  let next = DRAWS_PER_FILL;
  return function random() {
    const x = thread.x;
    if (x !== current) {
      current = x;
      const index = firstPhoton + x;
      lo = index % TWO32 | 0;
      hi = Math.floor(index / TWO32) | 0;
      block = 0;
      next = DRAWS_PER_FILL;
    }
    if (next === DRAWS_PER_FILL) {
      fill(block, lo, hi, k0, k1);
      block += BLOCKS;
      next = 0;
    }
    return draws[next++];
  };
}
