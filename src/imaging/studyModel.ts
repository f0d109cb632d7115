import type { StudyOptions } from './study.js';

/** What a study models, in words, for its JSON document and report. */
export function modelDescription(o: StudyOptions) {
  return {
    emitter: 'isotropic point source on the z-axis at each depth; vessel = line along y of the target diameter (profile from the line spread function)',
    signal: 'detected fraction of emitted photons (transport × ∫emission·filter·QE / ∫emission)' + (o.excitationNm ? ' × excitation fluence per unit irradiance' : ''),
    excitation: o.excitationNm
      ? `included: uniform broad beam at ${o.excitationNm} nm, fluence at each depth (track-length estimator)`
      : 'not included: emitters are equally bright at every depth',
    fwhm: 'full width at half maximum of the surface point-spread function (ln-density cubic fit in r², jackknife standard error over 16 batch groups)',
    background: `probe at 1/${o.targetToBackground} of the target concentration spread uniformly from the surface to ${o.backgroundDepthMm} mm; tissue autofluorescence not modelled (negligible in NIR-II, no tabulated data)`,
    sbr: `peak target intensity / background intensity; point target = sphere, vessel = cylinder, both ${o.targetDiameterMm} mm across`,
    penetrationDepth: `depth at which the vessel SBR falls to ${o.sbrThreshold} (log-linear interpolation between simulated depths; pointPenetrationDepthMm uses the point target)`,
    camera: 'exit rays within the objective NA, back-projected to the focal plane',
  };
}

