import cliProgress from 'cli-progress';

/**
 * A progress bar with ETA on stderr, shown only on a terminal and only once a run has lasted
 * longer than `delayMs` (short runs stay quiet). Returns the onProgress callback and a stop function.
 */
export function terminalProgress(label: string, delayMs = 1500) {
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  const enabled = process.stderr.isTTY === true;
  return {
    update(done: number, total: number) {
      if (!enabled) return;
      if (!bar) {
        if (Date.now() - started < delayMs || done >= total) return;
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: `${label} [{bar}] {percentage}% | {value}/{total} photons | {rate} photons/s | ETA {eta_formatted}`,
            etaBuffer: 50,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, { rate: '…' });
      }
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: Math.round(done / Math.max(seconds, 1e-3)).toLocaleString('en-US') });
    },
    stop() {
      bar?.stop();
    },
  };
}

/** First Ctrl-C aborts gracefully (work done so far is kept); a second one exits at once. */
export function interruptSignal(onFirst: () => void): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    onFirst();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/**
 * Progress over a known number of stages (e.g. windows × depths), each reporting its own fraction,
 * with an overall ETA on stderr (terminals only).
 */
export function stagedProgress(stages: number) {
  const started = Date.now();
  const enabled = process.stderr.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  let stageIndex = -1;
  let currentLabel = '';
  return {
    update(label: string, done: number, total: number) {
      if (!enabled) return;
      if (label !== currentLabel) {
        currentLabel = label;
        stageIndex = Math.min(stages - 1, stageIndex + 1);
      }
      const value = Math.round(1000 * (stageIndex + Math.min(1, done / Math.max(total, 1))));
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: '[{bar}] {percentage}% | ETA {eta_formatted} | {stage}', etaBuffer: 200, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(stages * 1000, value, { stage: label });
      }
      bar.update(value, { stage: label });
      void started;
    },
    stop() {
      bar?.stop();
    },
  };
}

/** A one-line counter per label on stderr ("Richardson-Lucy: 12/50 iterations"), terminals only. */
export function stepCounter() {
  const enabled = process.stderr.isTTY === true;
  return {
    update(label: string, done: number, total: number) {
      if (!enabled) return;
      process.stderr.write(`\r${label}: ${done}/${total}`);
      if (done === total) process.stderr.write('\n');
    },
    stop() {},
  };
}
