import type { Backend } from '../../engine/backends/backend.js';
import { createBackend } from '../../engine/backends/registry.js';
import type { BackendName } from '../../engine/types.js';
import { interruptSignal, stagedProgress, stepCounter, terminalProgress } from './progress.js';

export interface RunContext {
  /** The transport backend, when the command asked for one (closed when the run ends). */
  backend: Backend;
  /** Progress of the current stage: label, done, total (photons, stages or steps). */
  onProgress: (label: string, done: number, total: number) => void;
  /** Aborted by the first Ctrl-C: stop after the work in flight and keep what is done. */
  signal: AbortSignal;
}

export interface RunSpec {
  /**
   * 'photons': one bar over a photon count with rate and ETA; {stages}: one bar over a known number
   * of stages; 'steps': a counter per label (e.g. iterations).
   */
  progress: 'photons' | 'steps' | { stages: number };
  /** Shown in front of a photon bar. */
  label?: string;
  /** Create this backend for the run (and close it whatever happens). */
  backend?: { name: BackendName; threads?: number };
  /**
   * true: the first Ctrl-C aborts `signal` (work done is kept), a second one quits at once.
   * false: the work is one synchronous computation; Ctrl-C quits at once and nothing is written
   * (commands write their files only after the run).
   */
  interruptible: boolean;
}

/**
 * The lifecycle every long command shares (simulate, windows, filters, kernels, restore): progress
 * on stderr (terminals only), Ctrl-C, and the backend created and closed here.
 */
export async function withRun<T>(spec: RunSpec, body: (run: RunContext) => Promise<T>): Promise<{ value: T; interrupted: boolean; backend?: Backend }> {
  const progress = makeProgress(spec);
  const interrupt = spec.interruptible
    ? interruptSignal(() => process.stderr.write('\nnirwalk: stopping after the batches in flight (Ctrl-C again to quit at once)…\n'))
    : undefined;
  const signal = interrupt?.signal ?? new AbortController().signal;
  let backend: Backend | undefined;
  try {
    if (spec.backend) backend = await createBackend(spec.backend.name, spec.backend.threads);
    const value = await body({ backend: backend as Backend, onProgress: progress.update, signal });
    return { value, interrupted: signal.aborted, backend };
  } finally {
    progress.stop();
    interrupt?.dispose();
    await backend?.close();
  }
}

function makeProgress(spec: RunSpec): { update: (label: string, done: number, total: number) => void; stop: () => void } {
  if (spec.progress === 'photons') {
    const bar = terminalProgress(spec.label ?? 'photons');
    return { update: (_label, done, total) => bar.update(done, total), stop: bar.stop };
  }
  if (spec.progress === 'steps') return stepCounter();
  return stagedProgress(spec.progress.stages);
}
