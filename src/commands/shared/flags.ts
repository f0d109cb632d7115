import { InvalidArgumentError } from 'commander';

/** Commander argument parsers that reject bad numbers with the option's name in the message. */
export function intArg(name: string, min = 1) {
  return (value: string): number => {
    const n = Number(value.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min} (got "${value}")`);
    return n;
  };
}

export function numberArg(name: string, check: (n: number) => boolean = (n) => n > 0, what = '> 0') {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || !check(n)) throw new InvalidArgumentError(`${name} must be a number ${what} (got "${value}")`);
    return n;
  };
}

export function listArg(name: string, check: (n: number) => boolean = (n) => n > 0, what = '> 0') {
  return (value: string): number[] => {
    const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
    const nums = parts.map(Number);
    if (nums.length === 0 || nums.some((n) => !Number.isFinite(n) || !check(n))) {
      throw new InvalidArgumentError(`${name} must be a comma-separated list of numbers ${what} (got "${value}")`);
    }
    return nums;
  };
}

export function seedArg(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`--seed must be a whole number (got "${value}")`);
  return n;
}

export const BACKENDS = ['auto', 'cpu', 'webasm', 'webgpu'] as const;
