#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { InputError } from './errors.js';
import { VERSION } from './version.js';
// One module per command; each exports register(program).
import * as simulate from './commands/simulate.js';
import * as optics from './commands/optics.js';
import * as windows from './commands/windows.js';
import * as filters from './commands/filters.js';
import * as kernels from './commands/kernels.js';
import * as restore from './commands/restore.js';

const commands = [simulate, optics, windows, filters, kernels, restore];

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('nirwalk')
    .description(
      'Monte Carlo photon transport in layered tissue for NIR-I / NIR-II fluorescence imaging.\n' +
        'Units everywhere: mm, 1/mm, nm.',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const c of commands) c.register(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof InputError) {
      process.stderr.write(`nirwalk: error: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`nirwalk: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

// `nirwalk ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
