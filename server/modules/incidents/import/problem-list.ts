// The problems of one import: every one counted, the first MAX_LISTED_PROBLEMS kept, so a file
// of millions of bad rows reports clearly without holding millions of problems in memory.
import type { ImportProblem } from './import-types.ts';

/** Problems listed in full; beyond that they are only counted. */
export const MAX_LISTED_PROBLEMS = 1000;

export class ProblemList {
  private readonly kept: ImportProblem[] = [];
  /** Every problem added, listed or not. */
  count = 0;

  add(...items: ImportProblem[]): void {
    for (const item of items) {
      this.count++;
      if (this.kept.length < MAX_LISTED_PROBLEMS) this.kept.push(item);
    }
  }

  /** By line (batches and passes may find them out of order), then how many more there are. */
  report(): ImportProblem[] {
    const out = [...this.kept].sort((a, b) => a.line - b.line);
    if (this.count > out.length) out.push({ line: 0, reason: `${this.count - out.length} more problems are not listed; correct the ones above and import again.` });
    return out;
  }
}
