import type { GaussianLine } from './shapes.js';

/**
 * Built-in probe spectra. Every band is Gaussian in photon energy (see shapes.ts); `tail` adds
 * an exponential red tail. Peaks follow the cited work; widths marked "assumed" are typical
 * values for the material class, not read from the paper. Excitation wavelengths are the ones
 * typically used with each probe, not a property of the probe.
 */
export interface ProbeEntry {
  name: string;
  description: string;
  citation: string;
  excitationNm?: number;
  quantumYield?: number;
  lines: GaussianLine[];
  tail?: { amplitude: number; startNm: number; decayNm: number; onsetNm: number; onsetWidthNm: number };
  /** Overrides the range derived from the bands. */
  rangeNm?: [number, number];
}

// Nd³⁺ ⁴F₃/₂ → ⁴I₉/₂ : ⁴I₁₁/₂ : ⁴I₁₃/₂ integrated intensities ≈ 0.30 : 0.56 : 0.14 (Judd–Ofelt
// branching ratios of Nd:YAG); peak heights = ratio/0.56 × (FWHM of the 1064 band / own FWHM).
const ND_FWHM_1064_NM = 25;
const ND_FWHM_SIDE_NM = 30;
const ndHeight = (branching: number) => (branching / 0.56) * (ND_FWHM_1064_NM / ND_FWHM_SIDE_NM);

export const PROBE_CATALOGUE: readonly ProbeEntry[] = [
  {
    name: 'cds-aunc',
    description:
      'Gold nanoclusters (CDS-AuNC) with NIR-II emission peaking near 1050 nm. Peak from the project brief (issue 4); ' +
      'FWHM 200 nm assumed (typical of Au nanocluster NIR-II bands). Illustrative shape.',
    citation: 'illustrative (peak ~1050 nm as given in issue 4; primary publication not checked here)',
    excitationNm: 808,
    lines: [{ peakNm: 1050, fwhmNm: 200, weight: 1 }],
  },
  {
    name: 'au25-sg18',
    description:
      'Au25(SG)18 glutathione-protected gold clusters, NIR-II band ≈1100–1350 nm; modelled as one band whose ' +
      'half-maximum points fall at 1100 and 1350 nm (peak 1225 nm, FWHM 250 nm).',
    citation:
      'parametric approximation of the 1100–1350 nm band attributed to Au25(SG)18 (e.g. Liu et al., Adv. Mater. 31, ' +
      '1901015 (2019), cited from memory); band limits from issue 4, not read from the paper',
    excitationNm: 808,
    lines: [{ peakNm: 1225, fwhmNm: 250, weight: 1 }],
  },
  {
    name: 'au44-mba26',
    description:
      'Au44(MBA)26 gold clusters with two NIR-II emission maxima near 1080 and 1280 nm. Equal peak heights and ' +
      'FWHM 120 nm per band are assumed.',
    citation: 'illustrative (two maxima ~1080 and ~1280 nm as given in issue 4; heights and widths assumed)',
    excitationNm: 808,
    lines: [
      { peakNm: 1080, fwhmNm: 120, weight: 1 },
      { peakNm: 1280, fwhmNm: 120, weight: 1 },
    ],
  },
  {
    name: 'au25-rod',
    description:
      'Rod-shaped (bi-icosahedral) Au25 nanoclusters emitting near 1520 nm (NIR-IIb). FWHM 150 nm assumed.',
    citation:
      'parametric approximation; peak ~1520 nm (Li et al., "Bright NIR-II photoluminescence in rod-shaped icosahedral ' +
      'gold nanoclusters", Small 17, 2007992 (2021), cited from memory); width assumed',
    excitationNm: 808,
    lines: [{ peakNm: 1520, fwhmNm: 150, weight: 1 }],
  },
  {
    name: 'ag2s',
    description: 'Ag2S quantum dots emitting at 1058 nm; QY 15.5 % as reported. FWHM 150 nm assumed.',
    citation:
      'peak and QY: Zhang et al., "Ag2S quantum dot: a bright and biocompatible fluorescent nanoprobe in the second ' +
      'near-infrared window", ACS Nano 6, 3695 (2012); width assumed (Gaussian in energy)',
    excitationNm: 808,
    quantumYield: 0.155,
    lines: [{ peakNm: 1058, fwhmNm: 150, weight: 1 }],
  },
  {
    name: 'pbs-1300',
    description:
      'PbS/CdS core/shell quantum dots sized to emit at 1300 nm (the family is size-tunable across NIR-II). ' +
      'FWHM 150 nm assumed.',
    citation: 'illustrative member of the size-tunable PbS/CdS family (peak chosen, width assumed)',
    excitationNm: 808,
    lines: [{ peakNm: 1300, fwhmNm: 150, weight: 1 }],
  },
  {
    name: 'pbs-1600',
    description: 'PbS/CdS core/shell quantum dots emitting near 1600 nm (NIR-IIb). FWHM 180 nm assumed.',
    citation:
      'peak: Zhang et al., "Bright quantum dots emitting at ~1,600 nm in the NIR-IIb window for deep tissue ' +
      'fluorescence imaging", PNAS 115, 6590 (2018); width assumed',
    excitationNm: 808,
    lines: [{ peakNm: 1600, fwhmNm: 180, weight: 1 }],
  },
  {
    name: 'nd',
    description:
      'Nd³⁺-doped nanoparticles: ⁴F₃/₂ → ⁴I₁₁/₂ main line at 1064 nm, with the ⁴I₁₃/₂ line at ~1340 nm and the ' +
      '⁴I₉/₂ band at ~880 nm. Integrated intensities 1 : 0.25 : 0.54 (1064 : 1340 : 880) from branching ratios ' +
      '≈0.56 : 0.14 : 0.30. Band widths (25 nm at 1064, 30 nm for the others) stand for the Stark-split manifolds ' +
      'and vary with the host.',
    citation:
      'approximate: line positions of Nd³⁺; relative intensities from Judd–Ofelt branching ratios typical of ' +
      'Nd:YAG (e.g. Kaminskii, Laser Crystals); NIR-II imaging with Nd³⁺ NPs e.g. Villa et al., Nano Res. 8, 649 ' +
      '(2015). Nanoparticle spectra depend on host and doping',
    excitationNm: 808,
    lines: [
      { peakNm: 880, fwhmNm: ND_FWHM_SIDE_NM, weight: ndHeight(0.3) },
      { peakNm: 1064, fwhmNm: ND_FWHM_1064_NM, weight: 1 },
      { peakNm: 1340, fwhmNm: ND_FWHM_SIDE_NM, weight: ndHeight(0.14) },
    ],
  },
  {
    name: 'er',
    description:
      'Er³⁺-doped lanthanide nanoparticles (e.g. NaYbF4:Er,Ce@NaYF4), ⁴I₁₃/₂ → ⁴I₁₅/₂ emission around 1525–1550 nm ' +
      'under 980 nm excitation. Modelled as one band, peak 1540 nm, FWHM 70 nm (assumed envelope of the Stark lines).',
    citation:
      'approximate: Zhong et al., "Boosting the down-shifting luminescence of rare-earth nanocrystals for biological ' +
      'imaging beyond 1500 nm", Nat. Commun. 8, 737 (2017) (1550 nm emission, 980 nm excitation); width assumed',
    excitationNm: 980,
    lines: [{ peakNm: 1540, fwhmNm: 70, weight: 1 }],
  },
  {
    name: 'icg',
    description:
      'Indocyanine green: NIR-I emission peaking near 820 nm (FWHM 50 nm assumed), a vibronic shoulder near 910 nm ' +
      '(15 % of the peak, assumed) and a long NIR-II tail (1.5 % of the peak at 1000 nm, decaying 1/e per 150 nm; ' +
      'illustrative level). Peak position and QY depend on the solvent (water, plasma, albumin).',
    citation:
      'parametric approximation of the spectra in Carr et al., PNAS 115, 4465 (2018) and Starosolski et al., ' +
      'PLoS One 12, e0187563 (2017), which show the NIR-II tail; not digitised, tail level uncertain by a factor of a few',
    excitationNm: 785,
    lines: [
      { peakNm: 820, fwhmNm: 50, weight: 1 },
      { peakNm: 910, fwhmNm: 80, weight: 0.15 },
    ],
    tail: { amplitude: 0.015, startNm: 1000, decayNm: 150, onsetNm: 950, onsetWidthNm: 25 },
    rangeNm: [700, 1700],
  },
];

export const FLAT_DEFAULT_RANGE_NM: [number, number] = [700, 1700];
