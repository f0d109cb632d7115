import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

let cached: string | undefined;

export function transportKernelPath(): string {
  return join(packageRoot(), 'kernels', 'transport.js');
}

/** The transport kernel's text, read from kernels/ so every backend compiles exactly the same source. */
export function transportKernelSource(): string {
  if (cached === undefined) {
    const text = readFileSync(transportKernelPath(), 'utf8');
    // gpu.js wants the text to start at the function itself; the file's header comment stays behind.
    cached = text.slice(text.indexOf('function transport('));
  }
  return cached;
}
