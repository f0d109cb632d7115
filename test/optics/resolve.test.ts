import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { phantomWavelengthRangeNm, resolveLayerOptics, resolvePhantomOptics } from '../../src/optics/index.js';
import { loadPhantom, parsePhantom } from '../../src/phantom/load.js';
import { packageRoot } from '../../src/paths.js';

function phantomOf(layers: Record<string, unknown>[]) {
  return parsePhantom({ name: 't', layers });
}

const composition = {
  bloodFraction: 0.02,
  oxygenSaturation: 0.8,
  waterFraction: 0.6,
  fatFraction: 0.1,
  melanosomeFraction: 0.01,
  baselineMuaPerMm: 0.001,
  scattering: { model: 'power-law', aPerMm: 2, b: 1.5 },
  g: 0.8,
  n: 1.4,
};

describe('composition model', () => {
  it('matches a hand computation at 800 nm', () => {
    // Table rows at 800 nm (1/cm): Bosschaart oxy 3.8, deoxy 4.7; Kou water 0.022462; van Veen fat 0.00403;
    // melanosome 519·(800/500)^-3 = 519/4.096 = 126.708984375.
    const perCm = 0.02 * (0.8 * 3.8 + 0.2 * 4.7) + 0.6 * 0.022462 + 0.1 * 0.00403 + 0.01 * 126.708984375;
    expect(perCm).toBeCloseTo(1.36057004, 7);
    const p = phantomOf([{ name: 'mix', thicknessMm: 1, composition }]);
    const o = resolveLayerOptics(p.layers[0], 800).optics;
    expect(o.muaPerMm).toBeCloseTo(perCm / 10 + 0.001, 10);
    const muspPerMm = 2 * 1.6 ** -1.5;
    expect(muspPerMm).toBeCloseTo(0.988212, 6);
    expect(o.musPerMm).toBeCloseTo(muspPerMm / (1 - 0.8), 10);
    expect(o.g).toBe(0.8);
    expect(o.n).toBe(1.4);
  });
  it('uses the scattering law anywhere unless the composition declares a fit range', () => {
    const free = phantomOf([{ name: 'mix', thicknessMm: 1, composition }]);
    expect(resolveLayerOptics(free.layers[0], 1600).notes.filter((n) => n.includes('extrapolated'))).toEqual([]);
    const fitted = phantomOf([
      { name: 'mix', thicknessMm: 1, composition: { ...composition, scattering: { ...composition.scattering, fitRangeNm: [500, 1000] } } },
    ]);
    expect(() => resolveLayerOptics(fitted.layers[0], 1200)).toThrow(/layer 'mix': .*fitted for 500–1000 nm; 1200 nm would extrapolate/);
    expect(resolveLayerOptics(fitted.layers[0], 1200, { allowExtrapolation: true }).notes).toContain(
      "layer 'mix': μs′ power law (Jacques 2013 eq. 1) is extrapolated outside its fitted 500–1000 nm",
    );
  });
  it('rejects volume fractions adding up to more than 1', () => {
    expect(() => phantomOf([{ name: 'x', thicknessMm: 1, composition: { ...composition, waterFraction: 0.95 } }])).toThrow(
      /layers\[0\]\.composition\.waterFraction: volume fractions .* add up to 1\.08/,
    );
  });
});

describe('explicit values and overrides', () => {
  it('needs no wavelength when every value is an explicit number', () => {
    const p = phantomOf([{ name: 'slab', thicknessMm: 1, muaPerMm: 0.01, musPrimePerMm: 1, g: 0.9, n: 1.4 }]);
    const o = resolveLayerOptics(p.layers[0], undefined).optics;
    expect(o).toEqual({ muaPerMm: 0.01, musPerMm: 1 / (1 - 0.9), g: 0.9, n: 1.4 });
    expect(phantomWavelengthRangeNm(p)).toBeNull();
  });
  it('asks for a wavelength when a preset or spectrum is used', () => {
    const p = phantomOf([{ name: 'skin', thicknessMm: 1, tissue: 'dermis' }]);
    expect(() => resolveLayerOptics(p.layers[0], undefined)).toThrow("layer 'skin': needs a wavelength (--wavelength NM)");
    expect(() => resolvePhantomOptics(p, undefined)).toThrow("layers[0] ('skin'): needs a wavelength (--wavelength NM)");
  });
  it('interpolates explicit spectra and errors outside them, naming the layer and field', () => {
    const p = phantomOf([
      { name: 'a', thicknessMm: 1, muaPerMm: 0.01, musPerMm: 10, g: 0.9, n: 1.4 },
      { name: 'b', thicknessMm: null, muaPerMm: [[700, 0.01], [900, 0.03]], musPerMm: 10, g: 0.9, n: 1.4 },
    ]);
    expect(resolvePhantomOptics(p, 850).layers[1].muaPerMm).toBeCloseTo(0.025, 12);
    const e = (() => {
      try {
        resolvePhantomOptics(p, 1000);
      } catch (err) {
        return err as Error;
      }
    })();
    expect(e).toBeInstanceOf(InputError);
    expect(e!.message).toBe("layers[1] ('b'): the muaPerMm spectrum given in the phantom covers 700–900 nm; 1000 nm is outside it");
    expect(phantomWavelengthRangeNm(p)).toEqual([700, 900]);
  });
  it('lets explicit fields override a preset; a g override keeps the preset μs′', () => {
    const base = resolveLayerOptics({ name: 'm', tissue: 'muscle', thicknessMm: 1 }, 800).optics;
    const o = resolveLayerOptics({ name: 'm', tissue: 'muscle', thicknessMm: 1, g: 0.8, muaPerMm: 0.05 }, 800).optics;
    expect(o.muaPerMm).toBe(0.05);
    expect(o.g).toBe(0.8);
    expect(o.musPerMm * (1 - 0.8)).toBeCloseTo(base.musPerMm * (1 - base.g), 12);
    const withMus = resolveLayerOptics({ name: 'm', tissue: 'muscle', thicknessMm: 1, musPerMm: 12 }, 800).optics;
    expect(withMus.musPerMm).toBe(12);
  });
  it('an override removes the preset field from the wavelength range', () => {
    const p = phantomOf([{ name: 'm', thicknessMm: null, tissue: 'muscle', musPrimePerMm: 1 }]);
    expect(phantomWavelengthRangeNm(p)).toEqual([380, 1995]);
    expect(resolvePhantomOptics(p, 1700).notes).toEqual([]);
  });
});

describe('extrapolation policy', () => {
  const muscle = phantomOf([{ name: 'muscle', thicknessMm: null, tissue: 'muscle' }]);
  it('refuses to extrapolate the Jacques fits beyond 1300 nm without allowExtrapolation', () => {
    expect(() => resolvePhantomOptics(muscle, 1550)).toThrow(
      /^layers\[0\] \('muscle'\): μs′ .*fitted for 400–1300 nm; 1550 nm would extrapolate it .*--allow-extrapolation/,
    );
  });
  it('extrapolates with allowExtrapolation and notes it', () => {
    const r = resolvePhantomOptics(muscle, 1550, { allowExtrapolation: true });
    expect(r.notes).toEqual(["layers[0] ('muscle'): μs′ Rayleigh + Mie law (Jacques 2013 eq. 2) is extrapolated outside its fitted 400–1300 nm"]);
    expect(r.layers[0].musPerMm).toBeGreaterThan(0);
  });
  it('reports the usable range with and without extrapolation', () => {
    expect(phantomWavelengthRangeNm(muscle)).toEqual([400, 1300]);
    expect(phantomWavelengthRangeNm(muscle, { allowExtrapolation: true })).toEqual([380, 1995]);
  });
  it('never extrapolates tables, even when allowed', () => {
    expect(() => resolvePhantomOptics(muscle, 2100, { allowExtrapolation: true })).toThrow(/blood_whole_bosschaart2014\.csv\) covers 251–1995 nm/);
  });
  it('says when layers share no wavelength range', () => {
    const p = phantomOf([
      { name: 'a', thicknessMm: 1, tissue: 'intralipid10:10%' },
      { name: 'b', thicknessMm: null, muaPerMm: [[1200, 0.1], [1300, 0.1]], musPerMm: 1, g: 0.9, n: 1.4 },
    ]);
    expect(() => phantomWavelengthRangeNm(p)).toThrow(/no wavelength range in common: layers\[0\] \('a'\) 429–1100 nm; layers\[1\] \('b'\) 1200–1300 nm/);
  });
});

describe('bundled phantoms', () => {
  const dir = join(packageRoot(), 'phantoms');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it('include the five documented phantoms', () => {
    expect(files.sort()).toEqual(['human-forearm.json', 'intralipid-1pct.json', 'mouse-head.json', 'mouse-hindlimb.json', 'thick-tissue.json']);
  });
  describe.each(files)('%s', (file) => {
    const phantom = loadPhantom(join(dir, file));
    it('has a description and citations', () => {
      expect(phantom.description?.length).toBeGreaterThan(20);
      expect(phantom.citations?.length).toBeGreaterThan(0);
    });
    it.each([800, 1064, 1300])('resolves at %i nm without extrapolation', (nm) => {
      const r = resolvePhantomOptics(phantom, nm);
      expect(r.layers).toHaveLength(phantom.layers.length);
      for (const l of r.layers) {
        expect(l.muaPerMm).toBeGreaterThan(0);
        expect(l.musPerMm).toBeGreaterThan(0);
      }
    });
    it('resolves at 1550 nm, noting any extrapolated scattering', () => {
      const needsFlag = phantom.layers.some((l) => !(l.tissue ?? '').startsWith('intralipid'));
      // Phantoms whose scattering laws must be extrapolated opt in in the file; without it they would throw.
      expect(phantom.allowExtrapolation === true).toBe(needsFlag);
      if (needsFlag) expect(() => resolvePhantomOptics({ ...phantom, allowExtrapolation: false }, 1550)).toThrow(/--allow-extrapolation/);
      const r = resolvePhantomOptics(phantom, 1550);
      expect(r.layers.every((l) => l.muaPerMm > 0 && l.musPerMm > 0)).toBe(true);
      const extrapolated = r.notes.filter((n) => n.includes('extrapolated'));
      expect(extrapolated.length > 0).toBe(needsFlag);
    });
    it('notes the UNCITED fat spectrum exactly where fat is used above 1098 nm', () => {
      const usesFat = phantom.layers.some((l) => ['subcutaneous-fat', 'breast', 'intralipid:1%'].includes(l.tissue ?? ''));
      expect(resolvePhantomOptics(phantom, 1064).notes.some((n) => n.includes('UNCITED'))).toBe(false);
      expect(resolvePhantomOptics(phantom, 1300).notes.some((n) => n.includes('UNCITED'))).toBe(usesFat);
    });
  });
});
