import seedrandom from 'seedrandom';

/**
 * Every random stream key of nirwalk, in one place. A run's photons are fixed by (seed, what is
 * simulated): a run seed is derived from the user's seed and the run's identity (spectral setting,
 * emitter, depth), and photon i of a run draws from Philox4x32-10 stream (run seed, i)
 * (random/philox.mjs, random/philoxWgsl.ts; docs/random-streams.md) — never keyed by thread or
 * batch, so results do not depend on threads, batch size, batch order or shards.
 */

/**
 * 32-bit seed for gpu.js's per-thread PCG generator, which the webasm backend still uses (gpu.js
 * emits it as WebAssembly and offers no way to replace it): keyed by the batch's first photon.
 */
export function batchSeed32(seed: number, firstPhoton: number): number {
  return seedrandom.xor4096(`nirwalk:${seed}:${firstPhoton}`).int32() >>> 0;
}

/** What a spectral setting is made of; its key, with the seed and depth, fixes the photon streams. */
export type SettingParts = { window: string; probe?: string; detector: string } | { filter: string; probe: string; detector: string };

/**
 * The key of a spectral setting: the same in every command (windows, filters, kernels), so a
 * kernels run walks exactly the photons of the windows run of the same setting and seed.
 */
export function settingKey(parts: SettingParts): string {
  return 'window' in parts
    ? `window:${parts.window}|probe:${parts.probe ?? 'flat'}|detector:${parts.detector}`
    : `filter:${parts.filter}|probe:${parts.probe}|detector:${parts.detector}`;
}

/** The key of the excitation runs of a setting (their optics are at the excitation wavelength). */
export function excitationSettingKey(settingKeyOfEmission: string, excitationNm: number): string {
  return `${settingKeyOfEmission}|exc${excitationNm}`;
}

/** What an emitter run simulates; with the setting and depth it names the run. */
export type EmitterRunKind = 'point' | 'background' | 'excitation';

/** Run seed for one (setting, emitter, depth): the same in every command, so results agree exactly. */
export function emitterSeed(seed: number, key: string, what: EmitterRunKind, depthMm: number): number {
  return seedrandom.xor4096(`${seed}|${key}|${what}|${depthMm}`).int32() >>> 0;
}
