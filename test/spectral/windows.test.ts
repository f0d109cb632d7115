import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { getWindow, listWindows } from '../../src/spectral/windows.js';

describe('imaging windows', () => {
  it('has exactly the five named windows with their ranges', () => {
    const ranges = Object.fromEntries(listWindows().map((w) => [w.name, w.rangeNm]));
    expect(ranges).toEqual({
      'NIR-I': [700, 900],
      'NIR-II': [1000, 1700],
      'NIR-IIa': [1300, 1400],
      'NIR-IIx': [1400, 1500],
      'NIR-IIb': [1500, 1700],
    });
  });

  it('looks windows up case-insensitively and returns copies', () => {
    const w = getWindow('nir-iib');
    expect(w.name).toBe('NIR-IIb');
    w.rangeNm[0] = 0;
    expect(getWindow('NIR-IIb').rangeNm).toEqual([1500, 1700]);
  });

  it('lists the valid names for an unknown window', () => {
    expect(() => getWindow('NIR-III')).toThrow(InputError);
    expect(() => getWindow('NIR-III')).toThrow(/window: unknown name "NIR-III"; valid names: NIR-I, NIR-II, NIR-IIa, NIR-IIx, NIR-IIb/);
  });
});
