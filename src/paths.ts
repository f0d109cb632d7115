import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The folder holding nirwalk's package.json, whether running from src/ (tsx, vitest) or dist/. */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'kernels'))) return (cachedRoot = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the nirwalk package root (package.json next to kernels/)');
    dir = parent;
  }
}

export function dataPath(...parts: string[]): string {
  return join(packageRoot(), 'data', ...parts);
}
