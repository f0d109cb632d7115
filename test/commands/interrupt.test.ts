import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nirwalk, ROOT } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'nirwalk-int-'));
const TIMING = new Set(['elapsedMs', 'photonsPerSecond', 'threads', 'backendDescription', 'interrupted']);
const strip = (r: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !TIMING.has(k))));

describe('interrupting a long run', () => {
  it('keeps what was done on Ctrl-C, and --resume finishes with the numbers of an uninterrupted run', async () => {
    const phantom = join(dir, 'slow.json');
    // Low absorption, semi-infinite: slow photons, so the run is still going when interrupted.
    writeFileSync(phantom, JSON.stringify({ name: 'slow', layers: [{ name: 'tissue', thicknessMm: null, muaPerMm: 0.01, musPerMm: 10, g: 0.9, n: 1.37 }] }));
    const out = join(dir, 'run');
    const args = ['simulate', phantom, '--photons', '60000', '--seed', '8', '--threads', '2', '--backend', 'cpu', '--out', out];
    // Interrupt once the run is surely under way: after twice the CLI's start-up time on this machine
    // now (a busy machine starts slowly), and at least 3.5 s.
    const started = Date.now();
    await nirwalk(['--version']);
    const waitMs = Math.max(3500, 2 * (Date.now() - started) + 2000);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), ...args], { cwd: ROOT });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    await new Promise((r) => setTimeout(r, waitMs));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code).toBe(0);
    expect(stdout).toMatch(/INTERRUPTED after \d+ photons/);
    const partial = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    expect(partial.interrupted).toBe(true);
    expect(partial.photons).toBeGreaterThan(0);
    expect(partial.photons).toBeLessThan(60000);
    expect(existsSync(join(out, 'checkpoint.json'))).toBe(true);

    const resumed = await nirwalk([...args, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(existsSync(join(out, 'checkpoint.json'))).toBe(false);
    const full = await nirwalk([...args.slice(0, -1), join(dir, 'straight')]);
    expect(full.code, full.stderr).toBe(0);
    const a = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    const b = JSON.parse(readFileSync(join(dir, 'straight', 'result.json'), 'utf8'));
    expect(a.interrupted).toBe(false);
    expect(strip(a)).toBe(strip(b));
  });
});
