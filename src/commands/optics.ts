import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { writeFileAtomic, withOutputDir } from '../io/atomic.js';
import { loadPhantom, parsePhantom } from '../phantom/load.js';
import type { Phantom } from '../phantom/schema.js';
import { listTissuePresets, phantomWavelengthRangeNm } from '../optics/index.js';
import { buildPreset } from '../optics/presets.js';
import { formatRange } from '../optics/range.js';
import { layerLabel } from '../optics/resolve.js';
import { sweepPhantomOptics, wavelengthGrid, type OpticsSweep } from '../optics/sweep.js';
import { formatSweepTable, noteLines, sweepCsv, sweepJson } from '../report/sweepOutput.js';
import { sweepSvg } from '../report/sweepPlot.js';

interface OpticsOptions {
  from: number;
  to: number;
  step: number;
  out?: string;
  allowExtrapolation?: boolean;
  list?: boolean;
}

function parseNm(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x)) throw new InvalidArgumentError('must be a number of nm');
  return x;
}

interface Target {
  phantom: Phantom;
  /** Presets are labelled by name; phantom layers as layers[i] ('name'). */
  isPreset: boolean;
}

function loadTarget(target: string): Target {
  if (target.toLowerCase().endsWith('.json') || existsSync(target)) return { phantom: loadPhantom(target), isPreset: false };
  buildPreset(target);
  const phantom = parsePhantom({ name: target, layers: [{ name: target, tissue: target, thicknessMm: null }] }, `tissue '${target}'`);
  return { phantom, isPreset: true };
}

function printPresetList(): void {
  for (const p of listTissuePresets()) {
    process.stdout.write(`${p.name.padEnd(22)} ${`${p.rangeNm[0]}–${p.rangeNm[1]} nm`.padEnd(20)} ${p.description}\n`);
  }
  process.stdout.write('\nRanges are without extrapolation; see docs/optics.md for every parameter and its source.\n');
}

/**
 * Defaults cover 400–1800 nm; where the target resolves over less (without extrapolation, unless
 * --allow-extrapolation), the default ends are pulled in to the grid. Explicit ends are kept.
 */
function chooseRange(cmd: Command, o: OpticsOptions, phantom: Phantom): { fromNm: number; toNm: number } {
  let fromNm = o.from;
  let toNm = o.to;
  const allowExtrapolation = o.allowExtrapolation === true;
  const usable = phantomWavelengthRangeNm(phantom, { allowExtrapolation });
  if (usable === null) return { fromNm, toNm };
  const clipped: string[] = [];
  if (cmd.getOptionValueSource('from') === 'default' && fromNm < usable[0]) {
    fromNm = Math.ceil(usable[0] / o.step - 1e-9) * o.step;
    clipped.push(`--from ${fromNm}`);
  }
  if (cmd.getOptionValueSource('to') === 'default' && toNm > usable[1]) {
    toNm = Math.floor(usable[1] / o.step + 1e-9) * o.step;
    clipped.push(`--to ${toNm}`);
  }
  if (clipped.length > 0) {
    const how = allowExtrapolation ? 'with extrapolation' : 'without extrapolation (see --allow-extrapolation)';
    process.stderr.write(`note: this target resolves for ${formatRange(usable)} ${how}; using ${clipped.join(' ')}\n`);
  }
  return { fromNm, toNm };
}

function warn(sweep: OpticsSweep, allowExtrapolation: boolean): void {
  const lines = noteLines(sweep).filter((_, i) => sweep.notes[i].kind !== 'extrapolated' || !allowExtrapolation);
  for (const line of lines) process.stderr.write(`warning: ${line}\n`);
  if (!allowExtrapolation && sweep.notes.some((n) => n.kind === 'extrapolated')) {
    process.stderr.write(
      'warning: extrapolated values are shown for display only; a simulation at those wavelengths needs --allow-extrapolation\n',
    );
  }
}

async function run(target: string | undefined, o: OpticsOptions, cmd: Command): Promise<void> {
  if (o.list) return printPresetList();
  if (target === undefined) cmd.error('error: missing argument <tissue|phantom.json> (or use --list)', { exitCode: 2 });
  const { phantom, isPreset } = loadTarget(target as string);
  const { fromNm, toNm } = chooseRange(cmd, o, phantom);
  const wavelengthsNm = wavelengthGrid(fromNm, toNm, o.step);
  const label = isPreset ? () => target as string : layerLabel;
  const sweep = sweepPhantomOptics(phantom, wavelengthsNm, label);
  warn(sweep, o.allowExtrapolation === true);
  if (o.out === undefined) {
    process.stdout.write(formatSweepTable(sweep));
    return;
  }
  const title = isPreset ? `Optical properties of ${target}` : `Optical properties of ${phantom.name}`;
  const svg = await sweepSvg(sweep, title);
  const meta = { target: target as string, allowExtrapolation: o.allowExtrapolation === true };
  await withOutputDir(o.out, (dir) => {
    writeFileAtomic(join(dir, 'optics.csv'), sweepCsv(sweep));
    writeFileAtomic(join(dir, 'optics.json'), sweepJson(sweep, meta));
    writeFileAtomic(join(dir, 'optics.svg'), svg);
  });
  process.stdout.write(`wrote ${join(o.out, 'optics.csv')}, optics.json, optics.svg (${wavelengthsNm.length} wavelengths × ${sweep.layers.length} layer(s))\n`);
}

export function register(program: Command): void {
  program
    .command('optics')
    .summary('optical properties (μa, μs, μs′, g, n) of a tissue or phantom vs wavelength, table + SVG')
    .description(
      'Show wavelength-dependent optical properties (μa, μs, μs′, g, n in 1/mm) of a tissue preset or of each layer of a phantom.\n' +
        'Values that extrapolate a fitted scattering law or use UNCITED data are marked and explained.',
    )
    .argument('[tissue|phantom.json]', 'tissue preset name (e.g. muscle, intralipid:1%; see --list) or a phantom JSON file')
    .option('--from <nm>', 'first wavelength, nm', parseNm, 400)
    .option('--to <nm>', 'last wavelength, nm', parseNm, 1800)
    .option('--step <nm>', 'wavelength step, nm', parseNm, 5)
    .option('--out <dir>', 'write optics.csv, optics.json and optics.svg to this folder instead of printing a table')
    .option('--allow-extrapolation', 'accept extrapolated scattering without a warning (it stays noted in the outputs)')
    .option('--list', 'list the tissue presets with their wavelength ranges')
    .action(run);
}
