import type { SettingResult } from './study.js';
import type { SpectralSetting } from './spectralSetting.js';

/** Rose criterion: a feature is detectable when its SNR reaches 5 (Rose 1948). */
const ROSE_SNR = 5;

/**
 * Figure of merit: the smallest resolvable feature at a given photon budget. A filter's vessel
 * profile FWHM sets the resolution when light is plentiful; when the signal is shot-noise limited
 * (SNR = √N_s / √(1 + 1/SBR) below the Rose criterion), the resolvable size grows as ROSE_SNR / SNR.
 */
export function resolvableSizeMm(fwhmMm: number, detectedPhotons: number, sbr: number): { sizeMm: number; snr: number } {
  const snr = detectedPhotons > 0 ? Math.sqrt(detectedPhotons) / Math.sqrt(1 + 1 / sbr) : 0;
  return { sizeMm: snr > 0 ? fwhmMm * Math.max(1, ROSE_SNR / snr) : Infinity, snr };
}

export const RANK_BY = ['resolvable', 'fwhm', 'signal', 'sbr'] as const;
export type RankBy = (typeof RANK_BY)[number];

/** The figure of merit in words (filters.json's figureOfMerit.resolvable). */
export function figureOfMeritText(photonBudget: number): string {
  return (
    `smallest resolvable feature = vessel FWHM × max(1, ${ROSE_SNR}/SNR), SNR = √N / √(1 + 1/SBR), ` +
    `N = photon budget (${photonBudget} emitted) × signal; Rose criterion SNR ${ROSE_SNR}. Smaller is better.`
  );
}

/**
 * Ranks the filters of a study (one depth) by a figure of merit; filters that pass nothing of the
 * emission come last without a rank. Equal keys keep the order the filters were given in.
 */
export function rankFilters(
  results: SettingResult[],
  settings: SpectralSetting[],
  filters: { name: string; description?: string }[],
  o: { photonBudget: number; rankBy: RankBy },
) {
  const entries = results.map((r, i) => {
    const d = r.depths[0];
    const detectedPhotons = d ? o.photonBudget * d.signal : 0;
    const fom = d ? resolvableSizeMm(d.vesselFwhmMm, detectedPhotons, d.vesselSbr) : { sizeMm: Infinity, snr: 0 };
    return {
      filter: filters[i].name,
      description: filters[i].description,
      passesNothing: !(settings[i].detectedFraction > 0),
      detectedFraction: r.detectedFraction,
      meanWavelengthNm: r.meanWavelengthNm,
      passbandNm: r.passbandNm,
      signal: d?.signal ?? 0,
      signalStdErr: d?.signalStdErr ?? 0,
      fwhmMm: d?.vesselFwhmMm ?? null,
      fwhmStdErr: d?.vesselFwhmStdErr ?? null,
      pointFwhmMm: d?.fwhmMm ?? null,
      pointFwhmStdErr: d?.fwhmStdErr ?? null,
      sbr: d?.vesselSbr ?? null,
      pointSbr: d?.sbr ?? null,
      mtf50PerMm: d?.mtf50PerMm ?? null,
      snrAtBudget: fom.snr,
      resolvableSizeMm: Number.isFinite(fom.sizeMm) ? fom.sizeMm : null,
      notes: r.notes,
    };
  });
  const key = (e: (typeof entries)[number]): number =>
    e.passesNothing
      ? Infinity
      : o.rankBy === 'fwhm'
        ? (e.fwhmMm ?? Infinity)
        : o.rankBy === 'signal'
          ? -e.signal
          : o.rankBy === 'sbr'
            ? -(e.sbr ?? 0)
            : (e.resolvableSizeMm ?? Infinity);
  const ranked = [...entries].sort((a, b) => key(a) - key(b)).map((e, i) => ({ rank: e.passesNothing ? null : i + 1, ...e }));
  return ranked;
}

export type RankedFilter = ReturnType<typeof rankFilters>[number];

type Entry = { filter: string; signal: number; fwhmMm: number | null; fwhmStdErr: number | null; passesNothing: boolean; rank: number | null };

/** "For ag2s at 2 mm in mouse-hindlimb, 1250LP gives 1.8× sharper vessels at 0.4× the signal of 1000LP." */
export function filterConclusions(ranked: Entry[], probe: string, depthMm: number, phantom: string, reference: Omit<Entry, 'rank'>): string[] {
  const out: string[] = [];
  for (const e of ranked.filter((x) => x.passesNothing)) out.push(`${e.filter} passes nothing of the ${probe} emission on this detector: no signal.`);
  const ref = ranked.find((e) => e.filter === reference.filter);
  if (!ref || ref.passesNothing || !ref.fwhmMm) return out;
  for (const e of ranked) {
    if (e.filter === ref.filter || e.passesNothing || !e.fwhmMm) continue;
    const ratio = ref.fwhmMm / e.fwhmMm;
    const err = ratio * Math.hypot((ref.fwhmStdErr ?? 0) / ref.fwhmMm, (e.fwhmStdErr ?? 0) / e.fwhmMm);
    const word = ratio >= 1 ? `${ratio.toFixed(2)}× (± ${err.toFixed(2)}) sharper` : `${(1 / ratio).toFixed(2)}× (± ${(err / ratio / ratio).toFixed(2)}) broader`;
    out.push(`For ${probe} at ${depthMm} mm in ${phantom}, ${e.filter} gives ${word} vessels at ${(e.signal / ref.signal).toPrecision(2)}× the signal of ${ref.filter} (vessel FWHM ${e.fwhmMm.toPrecision(3)} vs ${ref.fwhmMm.toPrecision(3)} mm).`);
  }
  const best = ranked.find((e) => e.rank === 1);
  if (best) out.push(`Best by the figure of merit: ${best.filter}.`);
  return out;
}
