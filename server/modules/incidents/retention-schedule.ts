// The retention sweep: erases the identifiers of cases past their State's retention period
// (incident_state_settings.retention_years) without anyone having to run
// `tiphub incidents retention apply`. The server starts it when the app is ready and stops it
// when the app closes; the erasure itself (and its audit event per case) is the service's.

/** Where the sweep reports; the app's logger fits. */
export interface SweepLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** What one sweep did: cases whose identifiers were erased, per State with a retention period. */
export type SweepResult = { state: string; erased: number }[];

/** After start, so the first requests and start-up logs come first. */
export const FIRST_SWEEP_DELAY_MS = 5_000;
/** setTimeout/setInterval cannot wait longer (about 24.8 days); config.ts keeps the period under it. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `sweep` shortly after `start()` and then every `everyHours` hours (0: never). Timers are
 * unref'd, so they never keep the process alive; a sweep never overlaps another; a failed sweep
 * is logged and the next one runs as planned.
 */
export class RetentionSchedule {
  private first: NodeJS.Timeout | undefined;
  private repeat: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly sweep: () => Promise<SweepResult>,
    private readonly everyHours: number,
    private readonly log: SweepLog,
    private readonly firstDelayMs: number = FIRST_SWEEP_DELAY_MS,
  ) {
    const periodMs = everyHours * 3_600_000;
    if (!Number.isFinite(periodMs) || periodMs < 0 || periodMs > MAX_TIMER_MS) throw new RangeError(`retention sweep period must be 0 to ${Math.floor(MAX_TIMER_MS / 3_600_000)} hours, got ${everyHours}`);
  }

  /** Plans the first sweep and the repeating ones; does nothing when the period is 0 or it already started. */
  start(): void {
    if (this.everyHours === 0 || this.stopped || this.first) return;
    this.first = setTimeout(() => {
      void this.runNow();
      this.repeat = setInterval(() => void this.runNow(), this.everyHours * 3_600_000);
      this.repeat.unref();
    }, this.firstDelayMs);
    this.first.unref();
  }

  /** One sweep now; while one runs, the same one is returned instead of starting another. Never rejects. */
  runNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (!this.running) {
      const run = this.sweepOnce();
      this.running = run;
      void run.finally(() => {
        if (this.running === run) this.running = undefined;
      });
    }
    return this.running;
  }

  private async sweepOnce(): Promise<void> {
    try {
      const result = await this.sweep();
      const erased = result.reduce((n, r) => n + r.erased, 0);
      if (erased > 0) this.log.info({ erased: result.filter((r) => r.erased > 0) }, `retention sweep erased the identifiers of ${erased} case(s)`);
    } catch (err) {
      this.log.error({ err }, 'retention sweep failed; it runs again at the next interval');
    }
  }

  /** Cancels the timers and waits for a sweep in progress, so the database can be closed after. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.first);
    clearInterval(this.repeat);
    await this.running;
  }
}
