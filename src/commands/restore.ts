import { rmSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { InputError } from '../errors.js';
import { intArg, numberArg } from './shared/flags.js';
import { withRun } from './shared/lifecycle.js';
import { writeFileAtomic } from '../io/atomic.js';
import { searchDepth, searchDepthTiles, type DepthChoice, type TileSearchResult } from '../restoration/depthSearch.js';
import type { FloatImage } from '../image/floatImage.js';
import { readImage } from '../image/imageIo.js';
import { loadKernelSet } from '../restoration/psfSet.js';
import { encodePreviewPng } from '../image/png.js';
import { resampleKernel } from '../restoration/resamplePsf.js';
import { checkTvLambda, resolveBackground, restore } from '../restoration/richardsonLucy.js';
import { blendTiles } from '../restoration/tileBlend.js';
import { encodeFloatTiff } from '../image/tiffWrite.js';
import { VERSION } from '../version.js';

const COMPARE_GAP_PX = 8;
/** Pixel sizes closer than this (relative) are taken as equal and the kernel is used as it is. */
const PIXEL_TOLERANCE = 0.005;

export function register(program: Command): void {
  program
    .command('restore')
    .summary('deblur an image with a depth-specific kernel (Richardson-Lucy, Monte Carlo restoration)')
    .description(
      [
        'Monte Carlo constrained restoration: Richardson-Lucy deconvolution of a',
        'fluorescence image with a restoration kernel from `nirwalk kernels` (one depth',
        'with --kernel, or the depth that best explains the image with --kernels).',
        'Borders: the object is estimated on the image grown by the kernel half-size',
        '(Bertero-Boccacci weights), so light from outside the field is modelled and',
        'no ringing is forced in at the edges.',
        'Writes OUT (32-bit float TIFF with the pixel size, for Fiji/ImageJ) and, next',
        'to it, STEM.png (preview), STEM-compare.png (input | restored) and, with',
        '--kernels, STEM-depth.json (search scores); STEM is OUT without .tif.',
      ].join('\n'),
    )
    .argument('<image>', 'image to restore: TIFF (8/16/32-bit integer or float), PNG (8/16-bit) or 2-D .npy; colour -> luminance')
    .option('--kernel <FILE>', 'restoration kernel image (odd size, centred, e.g. DIR/kernel-1.0mm.tif); any sum, normalised to 1')
    .option('--kernels <DIR>', 'kernel set from `nirwalk kernels` (reads DIR/kernels.json); picks the depth that best predicts held-out pixels')
    .option('--iterations <K>', 'Richardson-Lucy iterations for the restoration (whole number ≥ 1)', intArg('--iterations'), 50)
    .addOption(new Option('--regularization <SPEC>', "'none', or 'tv:LAMBDA' for total-variation RL (Dey et al. 2006), e.g. tv:0.002").argParser(parseRegularization).default(0, 'none'))
    .option(
      '--background <auto|VALUE>',
      "constant background in image units, modelled as image = background + kernel * object; 'auto' takes the 1st " +
        'percentile of the 7x7-smoothed image, which needs some field free of vessel light (else it is too high: give a number)',
      parseBackground,
      0,
    )
    .option('--tile <PX>', 'with --kernels: choose a depth per tile of about PX x PX pixels and blend the restorations between tile centres', intArg('--tile', 16))
    .option('--search-iterations <N>', 'with --kernels: most accelerated RL iterations per candidate and fold in the depth search', intArg('--search-iterations'), 400)
    .option('--pixel-mm <MM>', 'image pixel size at the sample in mm (default: from the TIFF, else the kernel pixel size)', numberArg('--pixel-mm'))
    .requiredOption('--out <FILE.tif>', 'restored image (32-bit float TIFF); previews are written next to it')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  nirwalk restore vessels.tif --kernel out/kernels/kernel-1.0mm.tif --iterations 50 --out restored.tif\n' +
        '  nirwalk restore vessels.tif --kernels out/kernels --iterations 50 --regularization tv:0.002 --background auto --out restored.tif\n' +
        '  nirwalk restore vessels.tif --kernels out/kernels --tile 256 --out restored.tif\n',
    )
    .action(async (imagePath: string, flags: RestoreFlags) => {
      await withRun({ progress: 'steps', interruptible: false }, ({ onProgress }) => runRestore(imagePath, flags, onProgress));
    });
}

interface RestoreFlags {
  kernel?: string;
  kernels?: string;
  iterations: number;
  /** TV weight λ (0 = plain Richardson-Lucy). */
  regularization: number;
  background: number | 'auto';
  tile?: number;
  searchIterations: number;
  pixelMm?: number;
  out?: string;
}

type Progress = (label: string, done: number, total: number) => void;

async function runRestore(imagePath: string, flags: RestoreFlags, onProgress: Progress): Promise<void> {
  const { iterations, searchIterations, background } = flags;
  const tvLambda = flags.regularization;
  const out = flags.out;
  if (!out) throw new InputError('--out is required');
  if (!/\.tiff?$/i.test(out)) throw new InputError(`--out must name a .tif file (got ${out})`);
  if (Boolean(flags.kernel) === Boolean(flags.kernels)) throw new InputError('give exactly one of --kernel FILE or --kernels DIR');
  if (flags.tile !== undefined && !flags.kernels) throw new InputError('--tile needs --kernels DIR (a depth is chosen per tile)');
  const tilePx = flags.tile;
  const pixelFlag = flags.pixelMm;

  const image = await readImage(imagePath);
  const candidates = flags.kernel ? [await singleKernel(flags.kernel)] : await kernelSet(flags.kernels!);
  const kernelPixelMm = candidates[0].pixelMm;
  const pixelMm = pixelFlag ?? image.pixelMm ?? kernelPixelMm;
  if (pixelMm === undefined)
    throw new InputError(`${imagePath}: the pixel size is not recorded in the image or the kernel; give --pixel-mm`);
  const kernels = candidates.map((c) => {
    const fromMm = c.pixelMm ?? pixelMm;
    const kernel = Math.abs(fromMm / pixelMm - 1) > PIXEL_TOLERANCE ? resampleKernel(c.kernel, fromMm, pixelMm) : c.kernel;
    if (kernel.width > image.width || kernel.height > image.height)
      throw new InputError(
        `${c.label}: kernel (${kernel.width}x${kernel.height} px at ${pixelMm} mm) is larger than the image (${image.width}x${image.height} px)`,
      );
    return { depthMm: c.depthMm, kernel, label: c.label, resampled: kernel !== c.kernel, fromMm };
  });
  for (const k of kernels)
    if (k.resampled) process.stderr.write(`nirwalk: ${k.label}: resampled from ${k.fromMm} mm to the image's ${pixelMm} mm pixels\n`);

  const started = Date.now();
  const b = resolveBackground(image, background);
  const restoreWith = (kernel: FloatImage) =>
    restore(image, kernel, { iterations, tvLambda, background: b, onIteration: (d, t) => onProgress('Richardson-Lucy iterations', d, t) }).restored;
  const searchOptions = { maxIterations: searchIterations, background: b, onProgress: (d: number, t: number) => onProgress('depth search candidate fits', d, t) };
  let restored: FloatImage;
  let depthReport: Record<string, unknown> | undefined;
  let summary: string;
  if (flags.kernel) {
    restored = restoreWith(kernels[0].kernel);
    summary = `restored with ${kernels[0].label}`;
  } else if (tilePx === undefined) {
    const search = searchDepth(image, kernels, searchOptions);
    restored = restoreWith(kernels[search.index].kernel);
    depthReport = { mode: 'image', bin: search.bin, ...choiceReport(search) };
    summary = `depth ${search.depthMm} mm (consistent with the data: ${search.consistentDepthsMm.join(', ')} mm)`;
  } else {
    const search = searchDepthTiles(image, kernels, tilePx, searchOptions);
    const used = [...new Set(search.tiles.map((t) => t.index))].sort((x, y) => x - y);
    const images = used.map((i) => restoreWith(kernels[i].kernel));
    restored = blendTiles(search.grid, search.tiles.map((t) => used.indexOf(t.index)), images);
    depthReport = tileReport(search);
    const grid = `${search.grid.xEdges.length - 1}x${search.grid.yEdges.length - 1} tiles`;
    summary = `depth per tile (${grid}): ${used.map((i) => `${kernels[i].depthMm} mm`).join(', ')}`;
  }
  const seconds = (Date.now() - started) / 1000;

  const stem = out.replace(/\.tiff?$/i, '');
  const kernelText = flags.kernel ?? `${flags.kernels} (depth search)`;
  const description = [
    `nirwalk ${VERSION} restore`,
    `source=${imagePath}`,
    `kernel=${kernelText}`,
    `iterations=${iterations}`,
    `regularization=${tvLambda > 0 ? `tv:${tvLambda}` : 'none'}`,
    `background=${b}`,
  ].join('\n');
  const files: [string, Uint8Array][] = [
    [out, encodeFloatTiff(restored, { pixelMm, description })],
    [`${stem}.png`, encodePreviewPng([restored])],
    [`${stem}-compare.png`, encodePreviewPng([image, restored], COMPARE_GAP_PX)],
  ];
  if (depthReport) {
    const report = {
      nirwalk: VERSION,
      image: imagePath,
      kernels: flags.kernels,
      pixelMm,
      iterations,
      searchIterations,
      score: 'mean held-out Poisson deviance per pixel (checkerboard 2-fold, accelerated RL); lower is better',
      ...depthReport,
    };
    files.push([`${stem}-depth.json`, new TextEncoder().encode(JSON.stringify(report, null, 2) + '\n')]);
  }
  writeAll(files);
  process.stdout.write(`${summary}; ${iterations} iterations, background ${formatNumber(b)}, ${seconds.toFixed(1)} s\n`);
  process.stdout.write(`written ${files.map(([p]) => p).join(', ')}\n`);
}

interface Candidate {
  depthMm: number;
  kernel: FloatImage;
  pixelMm?: number;
  label: string;
}

async function singleKernel(path: string): Promise<Candidate> {
  const img = await readImage(path);
  return { depthMm: NaN, kernel: { width: img.width, height: img.height, data: img.data }, pixelMm: img.pixelMm, label: path };
}

async function kernelSet(dir: string): Promise<Candidate[]> {
  const { manifest, kernels } = await loadKernelSet(dir);
  return kernels.map((k) => ({ depthMm: k.depthMm, kernel: k.kernel, pixelMm: manifest.pixelMm, label: k.path }));
}

/** Writes every file or, if one fails, removes the ones already written. */
function writeAll(files: [string, Uint8Array][]): void {
  const written: string[] = [];
  try {
    for (const [path, bytes] of files) {
      writeFileAtomic(path, bytes);
      written.push(path);
    }
  } catch (e) {
    for (const path of written) rmSync(path, { force: true });
    throw e;
  }
}

function choiceReport(c: DepthChoice) {
  return { depthMm: c.depthMm, consistentDepthsMm: c.consistentDepthsMm, scores: c.scores };
}

function tileReport(s: TileSearchResult) {
  return {
    mode: 'tiles',
    bin: s.bin,
    grid: { xEdgesPx: s.grid.xEdges, yEdgesPx: s.grid.yEdges },
    tiles: s.tiles.map((t) => ({ x0: t.x0, y0: t.y0, width: t.width, height: t.height, ...choiceReport(t) })),
  };
}

/** 'none' or 'tv:LAMBDA'. */
export function parseRegularization(spec: string): number {
  const s = spec.trim().toLowerCase();
  if (s === 'none' || s === '') return 0;
  const m = /^tv:(.+)$/.exec(s);
  const lambda = m ? Number(m[1]) : NaN;
  if (!m || m[1].trim() === '' || !Number.isFinite(lambda))
    throw new InputError(`--regularization must be 'none' or 'tv:LAMBDA' with a number LAMBDA, e.g. tv:0.002 (got "${spec}")`);
  try {
    return checkTvLambda(lambda);
  } catch (e) {
    throw new InputError(`--regularization "${spec}": ${(e as Error).message}`);
  }
}

export function parseBackground(value: string): number | 'auto' {
  if (value.trim().toLowerCase() === 'auto') return 'auto';
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InputError(`--background must be 'auto' or a number ≥ 0 in image units (got "${value}")`);
  return n;
}

function formatNumber(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4);
}
