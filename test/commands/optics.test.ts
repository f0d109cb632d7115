import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as optics from '../../src/commands/optics.js';
import { packageRoot } from '../../src/paths.js';

let stdout = '';
let stderr = '';
let dir = '';

beforeEach(() => {
  stdout = '';
  stderr = '';
  dir = mkdtempSync(join(tmpdir(), 'nirwalk-optics-'));
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function nirwalk(...args: string[]): Promise<void> {
  const program = new Command().exitOverride();
  optics.register(program);
  await program.parseAsync(['node', 'nirwalk', 'optics', ...args]);
}

describe('nirwalk optics', () => {
  it('prints a table for a preset, marking and explaining extrapolated μs′', async () => {
    await nirwalk('muscle', '--from', '700', '--to', '1700', '--step', '100');
    const lines = stdout.split('\n');
    expect(lines[1]).toMatch(/^λ \(nm\)\s+μa \(1\/mm\)\s+μs \(1\/mm\)\s+μs′ \(1\/mm\)\s+g\s+n$/);
    expect(lines.find((l) => l.startsWith('1300 '))).not.toContain('*');
    expect(lines.find((l) => l.startsWith('1400 '))).toMatch(/\d\* /);
    expect(stdout).toContain('* extrapolated beyond a fitted range: muscle: μs′');
    expect(stderr).toContain('warning: * extrapolated');
    expect(stderr).toContain('needs --allow-extrapolation');
  });

  it('drops the warning with --allow-extrapolation but keeps the footnote', async () => {
    await nirwalk('muscle', '--from', '1200', '--to', '1400', '--step', '100', '--allow-extrapolation');
    expect(stderr).toBe('');
    expect(stdout).toContain('* extrapolated');
  });

  it('writes optics.csv, optics.json and optics.svg for a phantom', async () => {
    const out = join(dir, 'out');
    await nirwalk(join(packageRoot(), 'phantoms', 'human-forearm.json'), '--from', '700', '--to', '1500', '--step', '10', '--out', out);
    const csv = readFileSync(join(out, 'optics.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('wavelength_nm,layer_index,layer,mua_per_mm,mus_per_mm,musp_per_mm,g,n,flags');
    expect(csv).toHaveLength(1 + 81 * 4);
    expect(csv.find((l) => l.startsWith('1400,2,'))).toMatch(/mua:uncited;scattering:extrapolated$/);
    const json = JSON.parse(readFileSync(join(out, 'optics.json'), 'utf8'));
    expect(json.layers.map((l: { name: string }) => l.name)).toEqual(['epidermis', 'dermis', 'subcutaneous fat', 'muscle']);
    expect(json.layers[3].citations.join('\n')).toContain('Matcher et al 1997');
    expect(json.notes.some((n: { kind: string; fromNm: number }) => n.kind === 'extrapolated' && n.fromNm === 1310)).toBe(true);
    expect(json.notes.some((n: { kind: string; fromNm: number }) => n.kind === 'uncited' && n.fromNm === 1100)).toBe(true);
    const svg = readFileSync(join(out, 'optics.svg'), 'utf8');
    for (const text of ['NIR-I', 'NIR-II', 'NIR-IIa', 'NIR-IIx', 'μa (1/mm)', 'μs′ (1/mm)', '2: subcutaneous fat (subcutaneous-fat)']) {
      expect(svg).toContain(text);
    }
    expect(existsSync(join(dir, '.out.partial-' + process.pid))).toBe(false);
  });

  it('pulls the default range in to the data, but errors for an explicit range beyond it', async () => {
    await nirwalk('dermis-salomatina', '--step', '100');
    expect(stderr).toContain('using --to 1600');
    await expect(nirwalk('dermis-salomatina', '--from', '400', '--to', '1700')).rejects.toThrow(
      /dermis-salomatina: dermis absorption \(Salomatina 2006\) \(skin_dermis_salomatina2006\.csv\) covers 369\.27–1602\.09 nm; 1605 nm is outside it/,
    );
  });

  it('lists the valid presets for an unknown tissue', async () => {
    await expect(nirwalk('musle')).rejects.toThrow(/unknown tissue 'musle'; valid presets: epidermis/);
  });

  it('lists presets with --list', async () => {
    await nirwalk('--list');
    expect(stdout).toMatch(/^muscle\s+400–1300 nm\s+skeletal muscle/m);
    expect(stdout).toMatch(/^intralipid:<c>%\s+600–1600 nm/m);
  });
});
