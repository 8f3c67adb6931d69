import type { DemoContributor } from '../../platform/demo/demo.ts';
import type { Random } from '../../platform/demo/random.ts';
import type { TreatyAction } from './treaties.tables.ts';

/** Every demo row says so in its notes too, so an export cannot pass for real treaty status. */
export const SYNTHETIC_NOTE = 'Synthetic demonstration value, not the real treaty status';

// Rough shares of States party in the demo, so maps look plausible; not real figures.
const shareParty: Record<string, number> = { UNTOC: 0.9, 'UNTOC-TIP': 0.86, 'UNTOC-SOM': 0.74, 'CRC-OPSC': 0.88, 'ILO-P029': 0.3 };
const LAST_DEMO_DATE = '2025-12-31';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const out = d.toISOString().slice(0, 10);
  return out > LAST_DEMO_DATE ? LAST_DEMO_DATE : out;
}

/** Synthetic treaty actions for every UN Member State, deterministic for a seed. */
export const treatiesDemo: DemoContributor = {
  name: 'treaties',
  tables: ['treaty_actions'],
  async seed(tx, rng: Random) {
    const countries = await tx.db.selectFrom('countries').select('iso3').where('un_status', '=', 'member').orderBy('iso3').execute();
    const instruments = await tx.db.selectFrom('treaty_instruments').select(['code', 'adopted_on', 'actions']).orderBy('sort_order').execute();
    const rows: { country_iso3: string; instrument: string; action: TreatyAction; action_date: string; notes: string; is_demo: boolean }[] = [];
    for (const { iso3 } of countries) {
      for (const i of instruments) {
        const add = (action: TreatyAction, date: string) => rows.push({ country_iso3: iso3, instrument: i.code, action, action_date: date, notes: SYNTHETIC_NOTE, is_demo: true });
        const party = rng.chance(shareParty[i.code] ?? 0.5);
        if (!i.actions.includes('signature')) {
          if (party) add('ratification', addDays(i.adopted_on, rng.int(120, 3800)));
          continue;
        }
        const signs = rng.chance(party ? 0.6 : 0.3);
        const signedOn = addDays(i.adopted_on, rng.int(0, 900));
        if (signs) add('signature', signedOn);
        if (!party) continue;
        if (signs) add(rng.chance(0.9) ? 'ratification' : rng.pick(['acceptance', 'approval'] as const), addDays(signedOn, rng.int(200, 2500)));
        else add(rng.chance(0.9) ? 'accession' : 'succession', addDays(i.adopted_on, rng.int(400, 6000)));
      }
    }
    for (let k = 0; k < rows.length; k += 500) await tx.db.insertInto('treaty_actions').values(rows.slice(k, k + 500)).execute();
  },
};
