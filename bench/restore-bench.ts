// Restoration benchmark on a synthetic vessel phantom: blur with a depth kernel, Poisson noise, restore
// with the right and wrong-depth kernels, depth search, and the 1024 x 1024 x 50-iteration timing.
// Usage: npx tsx bench/restore-bench.ts [--kernels DIR] [--true-depth MM] [--counts N] [--iterations K]
//        [--size PX] [--seed S] [--no-timing] [--timing-only]
// Without --kernels it uses analytic PSFs: the unscattered point source d / (d^2 + rho^2)^(3/2) and the
// scattering-like family (ballistic + diffusion dipole), on a 256 x 256 field of 0.05 mm pixels.
import { unscatteredProfile, scatteringProfile } from './support/analyticPsf.js';
import { searchDepth, type DepthKernel } from '../src/restoration/depthSearch.js';
import { createImage, type FloatImage } from '../src/image/floatImage.js';
import { psnr, ssim } from './support/imageMetrics.js';
import { loadKernelSet } from '../src/restoration/psfSet.js';
import { kernelFwhmMm, radialKernelImage, type RadialProfile } from '../src/image/radialPsf.js';
import { restore } from '../src/restoration/richardsonLucy.js';
import { defaultVesselLayout, synthesize } from './support/synthetic.js';
import { assessVessels, RAYLEIGH_DIP_RATIO } from './support/vesselProfile.js';

const args = new Map<string, string>();
process.argv.slice(2).forEach((a, i, all) => {
  if (a.startsWith('--')) args.set(a.slice(2), all[i + 1]?.startsWith('--') || all[i + 1] === undefined ? 'true' : all[i + 1]);
});
const counts = Number(args.get('counts') ?? 2000);
const iterations = Number(args.get('iterations') ?? 100);
const seed = Number(args.get('seed') ?? 1);
const BACKGROUND = 10;

interface Scenario {
  name: string;
  pixelMm: number;
  sizePx: number;
  kernels: DepthKernel[];
  trueDepthMm: number;
}

function analytic(name: string, family: (d: number, r: number) => RadialProfile, depths: number[], trueDepthMm: number): Scenario {
  const pixelMm = 0.05;
  const size = 161;
  const kernels = depths.map((depthMm) => ({ depthMm, kernel: createImage(size, size, radialKernelImage(family(depthMm, size * pixelMm), size, pixelMm)) }));
  return { name, pixelMm, sizePx: Number(args.get('size') ?? 256), kernels, trueDepthMm };
}

async function fromDir(dir: string): Promise<Scenario> {
  const { manifest, kernels } = await loadKernelSet(dir);
  const set = kernels.map((k) => ({ depthMm: k.depthMm, kernel: k.kernel }));
  const trueDepthMm = Number(args.get('true-depth') ?? set[Math.floor(set.length / 2)].depthMm);
  if (!set.some((k) => k.depthMm === trueDepthMm)) throw new Error(`--true-depth ${trueDepthMm} is not one of the kernel depths`);
  const largest = Math.max(...set.map((k) => k.kernel.width));
  return { name: `kernels from ${dir}`, pixelMm: manifest.pixelMm, sizePx: Number(args.get('size') ?? Math.max(512, 2 * largest)), kernels: set, trueDepthMm };
}

const fmt = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '  n/a');

function row(label: string, img: FloatImage, truth: FloatImage, layout: ReturnType<typeof defaultVesselLayout>, pixelMm: number, offset = 0) {
  const shifted = offset ? createImage(img.width, img.height, img.data.map((v) => v - offset)) : img;
  const a = assessVessels(shifted, layout, pixelMm);
  const dips = a.pairDipRatios.map((r) => `${fmt(r)}${r <= RAYLEIGH_DIP_RATIO ? '*' : ' '}`).join(' ');
  console.log(
    `  ${label.padEnd(26)} PSNR ${fmt(psnr(truth, shifted), 2).padStart(6)} dB  SSIM ${fmt(ssim(truth, shifted))}  ` +
      `FWHM ${a.singleFwhmMm.map((f) => fmt(f)).join(' / ')} mm  dip ${dips}`,
  );
}

async function runScenario(s: Scenario): Promise<void> {
  const truthKernel = s.kernels.find((k) => k.depthMm === s.trueDepthMm)!;
  const fovMm = s.sizePx * s.pixelMm;
  const layout = defaultVesselLayout(fovMm);
  console.log(`\n${s.name}: ${s.sizePx}x${s.sizePx} px of ${s.pixelMm} mm, vessels at ${s.trueDepthMm} mm, peak ${counts} counts + ${BACKGROUND} background, seed ${seed}`);
  console.log(`  kernels: ${s.kernels.map((k) => `${k.depthMm} mm (FWHM ${fmt(kernelFwhmMm(k.kernel.data, k.kernel.width, s.pixelMm), 2)} mm)`).join(', ')}`);
  const widths = layout.vessels.filter((_, i) => !layout.pairs.flat().includes(i)).map((v) => v.widthMm);
  const seps = layout.pairs.map(([a, b]) => layout.vessels[b].xMm - layout.vessels[a].xMm);
  console.log(`  vessels: singles ${widths.join(', ')} mm wide; pairs of 0.1 mm vessels ${seps.map((x) => fmt(x, 2)).join(', ')} mm apart (* = dip below Rayleigh ${RAYLEIGH_DIP_RATIO})`);
  const scene = synthesize([{ layout, kernel: truthKernel.kernel }], s.sizePx, s.sizePx, s.pixelMm, { peakCounts: counts, backgroundCounts: BACKGROUND, seed });
  row('blurred + noise', scene.noisy, scene.truth, layout, s.pixelMm, BACKGROUND);
  const index = s.kernels.indexOf(truthKernel);
  const tried = [index - 1, index, index + 1].filter((i) => i >= 0 && i < s.kernels.length);
  for (const i of tried) {
    const k = s.kernels[i];
    const t = performance.now();
    const r = restore(scene.noisy, k.kernel, { iterations, background: BACKGROUND });
    const tag = i === index ? 'right' : 'WRONG';
    row(`RL ${iterations} it, ${k.depthMm} mm (${tag})`, r.restored, scene.truth, layout, s.pixelMm);
    if (i === index) console.log(`  ${''.padEnd(26)} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  const t = performance.now();
  const search = searchDepth(scene.noisy, s.kernels, { background: BACKGROUND });
  console.log(
    `  depth search: ${search.depthMm} mm (true ${s.trueDepthMm} mm), consistent ${search.consistentDepthsMm.join(', ')} mm, bin ${search.bin}, ` +
      `${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  for (const sc of search.scores)
    console.log(`    ${String(sc.depthMm).padStart(5)} mm  held-out deviance/px ${fmt(sc.deviancePerPixel, 4)}  excess ${fmt(sc.excess, 4)} ± ${fmt(sc.excessStdErr, 4)}  (${sc.iterations} it)`);
}

function timing(): void {
  const size = 257;
  const kernel = createImage(size, size, radialKernelImage(unscatteredProfile(1, size * 0.02), size, 0.02));
  const image = createImage(1024, 1024);
  for (let i = 0; i < image.data.length; i++) image.data[i] = 100 + ((i * 2654435761) % 1000) / 10;
  const t = performance.now();
  restore(image, kernel, { iterations: 50 });
  console.log(`\ntiming: 1024x1024 image, 257x257 kernel, 50 Richardson-Lucy iterations: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

if (args.get('timing-only') !== 'true') {
  const scenarios = args.has('kernels')
    ? [await fromDir(args.get('kernels')!)]
    : [
        analytic('unscattered point-source PSF', unscatteredProfile, [0.5, 0.75, 1, 1.25, 1.5], Number(args.get('true-depth') ?? 1)),
        analytic('scattering-like PSF (ballistic + diffusion dipole)', scatteringProfile, [1, 2], 1),
        analytic('scattering-like PSF (ballistic + diffusion dipole)', scatteringProfile, [1, 2], 2),
      ];
  for (const s of scenarios) await runScenario(s);
}
if (args.get('no-timing') !== 'true') timing();
