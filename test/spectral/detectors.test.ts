import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { DETECTOR_NAMES, getDetector, listDetectors } from '../../src/spectral/detectors.js';

describe('detectors', () => {
  it('loads every catalogue detector with QE in [0, 1]', () => {
    expect(listDetectors().map((d) => d.name)).toEqual([...DETECTOR_NAMES]);
    for (const d of listDetectors()) {
      for (let x = 300; x <= 2600; x += 10) {
        const qe = d.qe(x);
        expect(qe).toBeGreaterThanOrEqual(0);
        expect(qe).toBeLessThanOrEqual(1);
      }
    }
  });

  it('has the expected spectral coverage', () => {
    const ingaas = getDetector('ingaas');
    expect(ingaas.qe(800)).toBe(0);
    expect(ingaas.qe(1300)).toBeGreaterThan(0.7);
    expect(ingaas.qe(1800)).toBe(0);
    const ext = getDetector('ingaas-extended');
    expect(ext.qe(2000)).toBeGreaterThan(0.5);
    expect(ext.qe(2400)).toBe(0);
    const si = getDetector('si');
    expect(si.qe(600)).toBeGreaterThan(0.7);
    expect(si.qe(1000)).toBeLessThan(0.1);
    expect(si.qe(1200)).toBe(0);
    expect(getDetector('IDEAL').qe(5000)).toBe(1);
  });

  it('lists the valid names for an unknown detector', () => {
    expect(() => getDetector('hgcdte')).toThrow(InputError);
    expect(() => getDetector('hgcdte')).toThrow(/detector: unknown name "hgcdte"; valid names: ingaas, ingaas-extended, si, ideal/);
  });
});
