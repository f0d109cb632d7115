// The three reference problems of issue 2, shared by bench/run.mjs and bench/gpu/bench.mjs.
const layer = (name, thicknessMm, muaPerMm, musPerMm, g, n) => ({ name, thicknessMm, muaPerMm, musPerMm, g, n });
export const CASES = {
  a: { label: '(a) van de Hulst slab: 0.2 mm, μa 1, μs 9 /mm, g 0.75, n 1', layers: [layer('slab', 0.2, 1, 9, 0.75, 1)] },
  b: { label: '(b) semi-infinite μa 0.01, μs 10 /mm, g 0.9, n 1.37', layers: [layer('tissue', null, 0.01, 10, 0.9, 1.37)] },
  c: {
    label: '(c) skin 1 mm / fat 2 mm / muscle 20 mm at ~1300 nm',
    layers: [layer('skin', 1, 0.09, 6.0, 0.9, 1.4), layer('fat', 2, 0.1, 7.0, 0.9, 1.44), layer('muscle', 20, 0.12, 5.0, 0.9, 1.37)],
  },
};
/** MCML -O2 on one core of these machines (photons/s), issue 2. */
export const MCML_ONE_CORE = { a: 3.9e6, b: 10.7e3, c: 61e3 };
