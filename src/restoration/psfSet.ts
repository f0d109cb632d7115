import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { readJsonFile } from '../io/readJson.js';
import { formatPath } from '../phantom/load.js';
import type { FloatImage } from '../image/floatImage.js';
import { readImage } from '../image/imageIo.js';

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
