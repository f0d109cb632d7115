import { nameKey, unknownName } from './names.js';

/** An imaging window, applied as an ideal band-pass over rangeNm. */
export interface Window {
  name: string;
  rangeNm: [number, number];
  description: string;
  citation: string;
}

const WINDOWS: readonly Window[] = [
  {
    name: 'NIR-I',
    rangeNm: [700, 900],
    description: 'first near-infrared window',
    citation: 'conventional definition (e.g. Hong, Antaris & Dai, Nat. Biomed. Eng. 1, 0010, 2017)',
  },
  {
    name: 'NIR-II',
    rangeNm: [1000, 1700],
    description: 'second near-infrared window (short-wave infrared up to the InGaAs cut-off)',
    citation: 'conventional definition (e.g. Hong, Antaris & Dai, Nat. Biomed. Eng. 1, 0010, 2017)',
  },
  {
    name: 'NIR-IIa',
    rangeNm: [1300, 1400],
    description: 'NIR-II sub-window below the 1450 nm water band',
    citation: 'Hong et al., Nat. Photonics 8, 723 (2014), through-skull imaging at 1300–1400 nm',
  },
  {
    name: 'NIR-IIx',
    rangeNm: [1400, 1500],
    description: 'NIR-II sub-window on the 1450 nm water absorption band',
    citation: 'Feng et al., Light Sci. Appl. 10, 197 (2021), which names 1400–1500 nm NIR-IIx',
  },
  {
    name: 'NIR-IIb',
    rangeNm: [1500, 1700],
    description: 'NIR-II sub-window above the 1450 nm water band',
    citation: 'Diao et al., Angew. Chem. Int. Ed. 54, 14758 (2015), imaging at 1500–1700 nm',
  },
];

export function listWindows(): Window[] {
  return WINDOWS.map((w) => ({ ...w, rangeNm: [...w.rangeNm] as [number, number] }));
}

/** Looks a window up by name, case-insensitively. */
export function getWindow(name: string): Window {
  const found = WINDOWS.find((w) => nameKey(w.name) === nameKey(name));
  if (!found) throw unknownName('window', name, WINDOWS.map((w) => w.name));
  return { ...found, rangeNm: [...found.rangeNm] as [number, number] };
}
