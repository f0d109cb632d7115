import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Runs `write` against a hidden staging folder next to `outDir` and moves its files into `outDir`
 * only when `write` succeeds, so a failed or interrupted command leaves no half-written output.
 */
export async function withOutputDir<T>(outDir: string, write: (stagingDir: string) => Promise<T> | T): Promise<T> {
  const target = resolve(outDir);
  const staging = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const cleanup = () => rmSync(staging, { recursive: true, force: true });
  process.once('exit', cleanup);
  try {
    const result = await write(staging);
    if (existsSync(target)) {
      if (!statSync(target).isDirectory()) throw new Error(`${outDir} exists and is not a folder`);
      for (const name of readdirSync(staging)) {
        rmSync(join(target, name), { recursive: true, force: true });
        renameSync(join(staging, name), join(target, name));
      }
      cleanup();
    } else {
      mkdirSync(dirname(target), { recursive: true });
      renameSync(staging, target);
    }
    return result;
  } catch (e) {
    cleanup();
    throw e;
  } finally {
    process.removeListener('exit', cleanup);
  }
}

/** Writes a file through a temporary name and renames it, so readers never see a partial file. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
