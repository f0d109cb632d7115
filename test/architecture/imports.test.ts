import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

/**
 * The rooms of src/ from the top down (docs/architecture.md): a room may import rooms at its own
 * level or below, never above. `base` holds the package-wide leaves (errors, version, paths, digest).
 */
const LEVELS: string[][] = [
  ['cli', 'index'],
  ['commands'],
  ['report', 'imaging', 'simulate'],
  ['tallies', 'restoration'],
  ['engine', 'spectral', 'image', 'analysis'],
  ['optics'],
  ['phantom'],
  ['io'],
  ['base'],
];
const BASE = new Set(['errors', 'version', 'paths', 'digest']);
const FORBIDDEN_FOR_CORE = ['report', 'commands', 'imaging'];

const src = join(packageRoot(), 'src');
const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
const files = walk(src).filter((f) => /\.(ts|mjs)$/.test(f));

function roomOf(file: string): string {
  const rel = relative(src, file).split(/[\\/]/);
  if (rel.length === 1) {
    const name = rel[0].replace(/\.(ts|js|mjs)$/, '');
    return BASE.has(name) ? 'base' : name;
  }
  return rel[0];
}

const levelOf = (room: string) => LEVELS.findIndex((l) => l.includes(room));

/** Every relative import (static, dynamic, re-export, type-only) of every file under src/. */
const edges = files.flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((spec) => {
    const target = posix.normalize(posix.join(dirname(file).split('\\').join('/'), spec));
    return { from: relative(src, file), to: relative(src, target), fromRoom: roomOf(file), toRoom: roomOf(target) };
  });
});

describe('the import graph of src/ flows one way', () => {
  it('finds the imports it checks', () => {
    expect(files.length).toBeGreaterThan(80);
    expect(edges.length).toBeGreaterThan(200);
    for (const e of edges) expect(levelOf(e.toRoom), `${e.to} (imported by ${e.from}) is in no room`).toBeGreaterThanOrEqual(0);
    for (const f of files) expect(levelOf(roomOf(f)), `${relative(src, f)} is in no room`).toBeGreaterThanOrEqual(0);
  });

  it('no lower room imports a higher one', () => {
    const upward = edges.filter((e) => levelOf(e.toRoom) < levelOf(e.fromRoom)).map((e) => `${e.from} → ${e.to}`);
    expect(upward).toEqual([]);
  });

  it('optics, phantom and engine import nothing from report, commands or imaging', () => {
    const bad = edges
      .filter((e) => ['optics', 'phantom', 'engine'].includes(e.fromRoom) && FORBIDDEN_FOR_CORE.includes(e.toRoom))
      .map((e) => `${e.from} → ${e.to}`);
    expect(bad).toEqual([]);
  });

  it('rooms on one level do not import each other in a cycle', () => {
    const roomEdges = new Set(edges.filter((e) => e.fromRoom !== e.toRoom).map((e) => `${e.fromRoom}>${e.toRoom}`));
    const cycles = [...roomEdges].filter((e) => roomEdges.has(e.split('>').reverse().join('>')));
    expect(cycles).toEqual([]);
  });

  it('commands do not import each other (shared plumbing lives in commands/shared)', () => {
    const lateral = edges.filter((e) => /^commands\/[^/]+\.ts$/.test(e.from) && /^commands\/[^/]+\.ts$/.test(e.to)).map((e) => `${e.from} → ${e.to}`);
    expect(lateral).toEqual([]);
  });
});
