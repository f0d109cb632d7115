import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { readJsonFile } from '../io/readJson.js';
import { formatPath } from '../phantom/load.js';
import type { FloatImage } from '../image/floatImage.js';
import { readImage, writeFloatTiff, writeNpy } from '../image/imageIo.js';
import { withOutputDir, writeFileAtomic } from '../io/atomic.js';

const KernelEntrySchema = z.looseObject({
  depthMm: z.number({ error: 'must be a number in mm' }).nonnegative('must be >= 0 mm').finite('must be finite'),
  tiff: z.string({ error: 'must be the kernel TIFF file name' }).min(1, 'must not be empty'),
});

/** The part of `nirwalk kernels`' kernels.json that restoration reads; other fields are kept as they are. */
export const KernelManifestSchema = z.looseObject({
  pixelMm: z.number({ error: 'must be a number in mm' }).positive('must be > 0 mm').finite('must be finite'),
  kernels: z.array(KernelEntrySchema, { error: 'must be a list of kernels' }).min(1, 'must list at least one kernel'),
});

export type KernelManifest = z.infer<typeof KernelManifestSchema>;

export interface LoadedKernel {
  depthMm: number;
  kernel: FloatImage;
  path: string;
}

export function readKernelManifest(dir: string): KernelManifest {
  const path = join(dir, 'kernels.json');
  const json = readJsonFile(path, 'kernel manifest');
  const parsed = KernelManifestSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
    throw new InputError(`${path} is not a valid kernel manifest:\n${lines.join('\n')}`);
  }
  const depths = parsed.data.kernels.map((k) => k.depthMm);
  const dup = depths.find((d, i) => depths.indexOf(d) !== i);
  if (dup !== undefined) throw new InputError(`${path}: depth ${dup} mm is listed twice`);
  return parsed.data;
}

/** Reads every kernel listed in DIR/kernels.json, sorted by depth. */
export async function loadKernelSet(dir: string): Promise<{ manifest: KernelManifest; kernels: LoadedKernel[] }> {
  const manifest = readKernelManifest(dir);
  const kernels: LoadedKernel[] = [];
  for (const entry of manifest.kernels) {
    const path = isAbsolute(entry.tiff) ? entry.tiff : join(dir, entry.tiff);
    const img = await readImage(path);
    kernels.push({ depthMm: entry.depthMm, kernel: { width: img.width, height: img.height, data: img.data }, path });
  }
  kernels.sort((a, b) => a.depthMm - b.depthMm);
  return { manifest, kernels };
}

/** One depth of a PSF set as `nirwalk kernels` writes it (kernels.json's kernels[]). */
export interface PsfEntry {
  depthMm: number;
  tiff: string;
  npy: string;
  smoothTiff: string;
  smoothNpy: string;
  [field: string]: unknown;
}

/** kernels.json: the description of a PSF set. */
export interface PsfSetManifest {
  phantom: { name: string; digest: string };
  spectral: { label: string; [field: string]: unknown };
  pixelMm: number;
  size: number;
  kernels: PsfEntry[];
  [field: string]: unknown;
}

/** The images of one depth: raw radial average and smooth fit, size × size, unit sum. */
export interface PsfImage {
  stem: string;
  depthMm: number;
  raw: Float32Array;
  smooth: Float32Array;
}

/** File stem for a depth: kernel-1.0mm, kernel-0.25mm. */
export function psfStem(depthMm: number): string {
  const decimals = Math.max(1, (String(depthMm).split('.')[1] ?? '').length);
  return `kernel-${depthMm.toFixed(decimals)}mm`;
}

/** Writes a PSF set (TIFF + NPY per depth, raw and smooth, and kernels.json) into DIR, all or nothing. */
export async function writePsfSet(outDir: string, set: { manifest: PsfSetManifest; images: PsfImage[] }): Promise<void> {
  const { manifest, images } = set;
  const { size, pixelMm } = manifest;
  await withOutputDir(outDir, (dir) => {
    for (const k of images) {
      const description = `nirwalk restoration kernel: ${manifest.phantom.name}, ${manifest.spectral.label}, depth ${k.depthMm} mm`;
      writeFloatTiff(join(dir, `${k.stem}.tif`), { width: size, height: size, data: k.raw }, { pixelMm, description });
      writeNpy(join(dir, `${k.stem}.npy`), { width: size, height: size, data: k.raw });
      writeFloatTiff(join(dir, `${k.stem}-smooth.tif`), { width: size, height: size, data: k.smooth }, { pixelMm, description: `${description} (smooth fit)` });
      writeNpy(join(dir, `${k.stem}-smooth.npy`), { width: size, height: size, data: k.smooth });
    }
    writeFileAtomic(join(dir, 'kernels.json'), JSON.stringify(manifest, null, 2) + '\n');
  });
}
