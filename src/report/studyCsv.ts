import type { SettingResult } from '../imaging/study.js';

/** One row per setting and depth: the numbers of windows.csv and filters.csv. */
export function studyCsv(results: SettingResult[]): string {
  const cols = ['setting', 'depthMm', 'photons', 'signal', 'signalStdErr', 'fwhmMm', 'fwhmStdErr', 'lsfFwhmMm', 'lsfFwhmStdErr', 'vesselFwhmMm', 'vesselFwhmStdErr', 'sbr', 'vesselSbr', 'mtf50PerMm'] as const;
  const rows = [cols.join(',')];
  for (const r of results) {
    for (const d of r.depths) {
      rows.push([r.name, ...cols.slice(1).map((c) => String((d as unknown as Record<string, number>)[c]))].join(','));
    }
  }
  return rows.join('\n') + '\n';
}

