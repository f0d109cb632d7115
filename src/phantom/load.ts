import type { z } from 'zod';
import { InputError } from '../errors.js';
import { readJsonFile } from '../io/readJson.js';
import { PhantomSchema, type Phantom } from './schema.js';

/** Formats a zod path as `layers[1].g`. */
export function formatPath(path: PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

export function describeIssues(error: z.ZodError, label: string): string {
  const lines = error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
  return `${label} is not a valid phantom:\n${lines.join('\n')}`;
}

export function parsePhantom(value: unknown, label = 'phantom'): Phantom {
  const result = PhantomSchema.safeParse(value);
  if (!result.success) throw new InputError(describeIssues(result.error, label));
  return result.data;
}

export function loadPhantom(path: string): Phantom {
  return parsePhantom(readJsonFile(path, 'phantom file'), path);
}
