import { Option, type Command } from 'commander';
import { BACKEND_NAMES, BACKENDS } from '../../engine/backends/registry.js';
import { InputError } from '../../errors.js';

/**
 * Option parsers for every command, one message format: "NAME must be … (got "VALUE")", raised as an
 * InputError so the CLI prints it as `nirwalk: error: …` and exits with status 2, like any other
 * bad input.
 */
export function intArg(name: string, min = 1) {
  return (value: string): number => {
    const n = value.trim() === '' ? NaN : Number(value.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min) throw new InputError(`${name} must be a whole number ≥ ${min} (got "${value}")`);
    return n;
  };
}

export function numberArg(name: string, check: (n: number) => boolean = (n) => n > 0, what = '> 0') {
  return (value: string): number => {
    const n = value.trim() === '' ? NaN : Number(value);
    if (!Number.isFinite(n) || !check(n)) throw new InputError(`${name} must be a number ${what} (got "${value}")`);
    return n;
  };
}

export function listArg(name: string, check: (n: number) => boolean = (n) => n > 0, what = '> 0') {
  return (value: string): number[] => {
    const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
    const nums = parts.map(Number);
    if (nums.length === 0 || nums.some((n) => !Number.isFinite(n) || !check(n))) {
      throw new InputError(`${name} must be a comma-separated list of numbers ${what} (got "${value}")`);
    }
    return nums;
  };
}

export function seedArg(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n)) throw new InputError(`--seed must be a whole number (got "${value}")`);
  return n;
}

/** --backend, with its choices and help from the backend registry. */
export function backendOption(): Option {
  const lines = Object.entries(BACKENDS).map(([name, b]) => `${name}: ${b.help}`);
  return new Option('--backend <B>', `transport backend; auto picks webgpu on a hardware GPU adapter, else cpu (software adapters such as SwiftShader only by name) (${lines.join('; ')})`)
    .choices(BACKEND_NAMES)
    .default('auto');
}

/** --seed, --threads and --backend: how every transport command runs its photons. */
export function addEngineOptions(cmd: Command, seedHelp = 'random seed: same inputs + photons + seed = same numbers'): Command {
  return cmd
    .option('--seed <S>', seedHelp, seedArg, 1)
    .option('--threads <T>', 'worker threads for the cpu backend (default: one per core)', intArg('--threads'))
    .addOption(backendOption());
}
