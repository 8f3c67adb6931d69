import type { DemoContributor } from '../../platform/demo/demo.ts';
import { MonitoringRepository } from './monitoring.repository.ts';

/** First and last year of the demonstration reporting calendar. */
const FIRST_YEAR = 2021;
const LAST_YEAR = 2026;

/**
 * A reporting calendar of half-year rounds: activities of January to June are to be updated
 * by 31 August, those of July to December by the end of February. Fixed dates, so the same
 * seed gives the same calendar whatever the day it is seeded.
 */
export const monitoringDemo: DemoContributor = {
  name: 'monitoring',
  tables: ['reporting_rounds'],
  async seed(tx) {
    const repo = new MonitoringRepository(tx.db);
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      await repo.insertRound({ name: `${year} H1 (demo)`, period_start: `${year}-01-01`, period_end: `${year}-06-30`, due_date: `${year}-08-31`, is_demo: true });
      await repo.insertRound({ name: `${year} H2 (demo)`, period_start: `${year}-07-01`, period_end: `${year}-12-31`, due_date: `${year + 1}-02-28`, is_demo: true });
    }
  },
};
