/**
 * The Philox4x32-10 generator of philox.mjs in WGSL, for gpu.js's webgpu backend. gpu.js 2.24.1 takes
 * no native functions on webgpu; it translates the kernel's Math.random() to pcg_random() and emits a
 * 32-bit PCG with one shared cycle. installPhiloxWgsl swaps that generator (and its per-thread seeding)
 * for this one in the assembled shader, so the kernel text itself stays the same on every backend.
 */

/** Name of the kernel argument that carries the run's key and first photon index (16-bit halves in f32). */
export const STREAM_KEY_ARGUMENT = 'streamKey';

export const PHILOX_WGSL = `
var<private> philoxKey : vec2<u32>;
var<private> philoxCtr : vec4<u32>;
var<private> philoxBuf : vec4<u32>;
var<private> philoxLeft : u32;
fn philox_mulhi(a : u32, b : u32) -> u32 {
  let ah = a >> 16u;
  let al = a & 0xffffu;
  let bh = b >> 16u;
  let bl = b & 0xffffu;
  let m = ah * bl + ((al * bl) >> 16u);
  return ah * bh + (m >> 16u) + ((al * bh + (m & 0xffffu)) >> 16u);
}
fn philox4x32_10(ctr : vec4<u32>, key : vec2<u32>) -> vec4<u32> {
  var c = ctr;
  var k = key;
  for (var r : i32 = 0; r < 10; r = r + 1) {
    let hi0 = philox_mulhi(c.x, 0xD2511F53u);
    let lo0 = c.x * 0xD2511F53u;
    let hi1 = philox_mulhi(c.z, 0xCD9E8D57u);
    let lo1 = c.z * 0xCD9E8D57u;
    c = vec4<u32>(hi1 ^ c.y ^ k.x, lo1, hi0 ^ c.w ^ k.y, lo0);
    k = k + vec2<u32>(0x9E3779B9u, 0xBB67AE85u);
  }
  return c;
}
fn philox_word(i : u32) -> u32 {
  return u32(user_streamKey[i]) | (u32(user_streamKey[i + 1u]) << 16u);
}
fn philox_start(thread : u32) {
  philoxKey = vec2<u32>(philox_word(0u), philox_word(2u));
  let firstLo = philox_word(4u);
  let lo = firstLo + thread;
  philoxCtr = vec4<u32>(0u, lo, philox_word(6u) + select(0u, 1u, lo < firstLo), 0u);
  philoxLeft = 0u;
}
fn pcg_random() -> f32 {
  if (philoxLeft == 0u) {
    philoxBuf = philox4x32_10(philoxCtr, philoxKey);
    philoxCtr.x = philoxCtr.x + 1u;
    philoxLeft = 4u;
  }
  philoxLeft = philoxLeft - 1u;
  var w : u32 = philoxBuf.w;
  if (philoxLeft == 3u) {
    w = philoxBuf.x;
  } else if (philoxLeft == 2u) {
    w = philoxBuf.y;
  } else if (philoxLeft == 1u) {
    w = philoxBuf.z;
  }
  return (f32(w >> 8u) + 0.5) * (1.0 / 16777216.0);
}`;

const PCG_BLOCK = /var<private> pcgState : u32;\nfn pcg_random\(\) -> f32 \{[\s\S]*?\n\}/;
const PCG_SEEDING = /^ {2}pcgState = \(params\.randomSeed \+ u32\(data_index\) \* 2654435769u\) \* 747796405u \+ 2891336453u;$/m;

/** Replaces gpu.js's PCG block and per-thread seeding in an assembled shader by Philox4x32-10. */
export function philoxShader(wgsl: string): string {
  if (!PCG_BLOCK.test(wgsl) || !PCG_SEEDING.test(wgsl) || !wgsl.includes(`user_${STREAM_KEY_ARGUMENT}`)) {
    throw new Error('gpu.js webgpu shader layout not recognised (expected its pcg_random block, its seeding line and a streamKey argument): the Philox generator cannot be installed');
  }
  return wgsl.replace(PCG_BLOCK, PHILOX_WGSL.trim()).replace(PCG_SEEDING, '  philox_start(u32(data_index));');
}

/** Makes a gpu.js webgpu kernel (before its first build) assemble its shader with Philox streams. */
export function installPhiloxWgsl(kernel: { assembleWGSL: () => string }): void {
  const assemble = kernel.assembleWGSL.bind(kernel);
  kernel.assembleWGSL = () => philoxShader(assemble());
}
