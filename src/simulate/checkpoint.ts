import { existsSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { readJsonFile } from '../io/readJson.js';
import { formatPath } from '../phantom/load.js';
import type { ExitTally } from '../tallies/exitTally.js';

/** An interrupted simulate run: the tallies so far and the next batch (checkpoint.json). */
export interface Checkpoint {
  inputDigest: string;
  batchesDone: number;
  batchPhotons: number;
  tally: ReturnType<ExitTally['toJSON']>;
}

const CheckpointSchema = z.looseObject({
  inputDigest: z.string({ error: 'must be the run digest (a string)' }),
  batchesDone: z.number({ error: 'must be a whole number' }).int('must be a whole number').nonnegative('must be ≥ 0'),
  batchPhotons: z.number({ error: 'must be a whole number' }).int('must be a whole number').positive('must be ≥ 1'),
  tally: z.looseObject({
    photons: z.number({ error: 'must be a number' }),
    spec: z.looseObject({}, { error: 'must be the tally layout' }),
    radial: z.array(z.number(), { error: 'must be a list of numbers' }),
    image: z.array(z.number(), { error: 'must be a list of numbers' }),
  }),
});

/** Reads DIR/checkpoint.json for --resume; a missing, broken or foreign file is one clear error. */
export function readCheckpoint(path: string): Checkpoint {
  if (!existsSync(path)) throw new InputError(`--resume: no checkpoint at ${path}`);
  const parsed = CheckpointSchema.safeParse(readJsonFile(path, 'checkpoint'));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
    throw new InputError(`${path} is not a nirwalk checkpoint:\n${lines.join('\n')}`);
  }
  return parsed.data as unknown as Checkpoint;
}
