import { sql, type Kysely } from 'kysely';
import { treatyActions } from './treaties.tables.ts';

const UN_ACTIONS = ['signature', 'ratification', 'accession', 'acceptance', 'approval', 'succession'];
const untocSuffix = {
  ar: 'المكمّل لاتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
  fr: 'additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée',
  es: 'que complementa la Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
  ru: 'дополняющий Конвенцию Организации Объединенных Наций против транснациональной организованной преступности',
};

/** The instruments of para 2 of the resolution and the ILO Forced Labour Protocol. */
const instruments = [
  {
    code: 'UNTOC',
    short_name: 'Organized Crime Convention',
    adopted_on: '2000-11-15', // GA resolution 55/25
    parent_code: null,
    actions: UN_ACTIONS,
    names: {
      ar: 'اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية',
      zh: '联合国打击跨国有组织犯罪公约',
      en: 'United Nations Convention against Transnational Organized Crime',
      fr: 'Convention des Nations Unies contre la criminalité transnationale organisée',
      ru: 'Конвенция Организации Объединенных Наций против транснациональной организованной преступности',
      es: 'Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
    },
  },
  {
    code: 'UNTOC-TIP',
    short_name: 'Trafficking in Persons Protocol',
    adopted_on: '2000-11-15',
    parent_code: 'UNTOC',
    actions: UN_ACTIONS,
    names: {
      ar: `بروتوكول منع وقمع ومعاقبة الاتجار بالأشخاص، وبخاصة النساء والأطفال، ${untocSuffix.ar}`,
      zh: '联合国打击跨国有组织犯罪公约关于预防、禁止和惩治贩运人口特别是妇女和儿童行为的补充议定书',
      en: 'Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime',
      fr: `Protocole visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants, ${untocSuffix.fr}`,
      ru: `Протокол о предупреждении и пресечении торговли людьми, особенно женщинами и детьми, и наказании за нее, ${untocSuffix.ru}`,
      es: `Protocolo para prevenir, reprimir y sancionar la trata de personas, especialmente mujeres y niños, ${untocSuffix.es}`,
    },
  },
  {
    code: 'UNTOC-SOM',
    short_name: 'Smuggling of Migrants Protocol',
    adopted_on: '2000-11-15',
    parent_code: 'UNTOC',
    actions: UN_ACTIONS,
    names: {
      ar: `بروتوكول مكافحة تهريب المهاجرين عن طريق البر والبحر والجو، ${untocSuffix.ar}`,
      zh: '联合国打击跨国有组织犯罪公约关于打击陆、海、空偷运移民的补充议定书',
      en: 'Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime',
      fr: `Protocole contre le trafic illicite de migrants par terre, air et mer, ${untocSuffix.fr}`,
      ru: `Протокол против незаконного ввоза мигрантов по суше, морю и воздуху, ${untocSuffix.ru}`,
      es: `Protocolo contra el tráfico ilícito de migrantes por tierra, mar y aire, ${untocSuffix.es}`,
    },
  },
  {
    code: 'CRC-OPSC',
    short_name: 'Optional Protocol on the sale of children',
    adopted_on: '2000-05-25', // GA resolution 54/263
    parent_code: null,
    actions: UN_ACTIONS,
    names: {
      ar: 'البروتوكول الاختياري لاتفاقية حقوق الطفل بشأن بيع الأطفال واستغلال الأطفال في البغاء وفي المواد الإباحية',
      zh: '儿童权利公约关于买卖儿童、儿童卖淫和儿童色情制品问题的任择议定书',
      en: 'Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography',
      fr: "Protocole facultatif à la Convention relative aux droits de l'enfant, concernant la vente d'enfants, la prostitution des enfants et la pornographie mettant en scène des enfants",
      ru: 'Факультативный протокол к Конвенции о правах ребенка, касающийся торговли детьми, детской проституции и детской порнографии',
      es: 'Protocolo facultativo de la Convención sobre los Derechos del Niño relativo a la venta de niños, la prostitución infantil y la utilización de niños en la pornografía',
    },
  },
  {
    code: 'ILO-P029',
    short_name: 'Forced Labour Protocol (P029)',
    adopted_on: '2014-06-11', // 103rd International Labour Conference
    parent_code: null,
    // ILO conventions and protocols are ratified only; there is no signature.
    actions: ['ratification'],
    names: {
      ar: 'بروتوكول عام 2014 لاتفاقية العمل الجبري، 1930',
      zh: '1930年强迫劳动公约的2014年议定书',
      en: 'Protocol of 2014 to the Forced Labour Convention, 1930',
      fr: 'Protocole de 2014 relatif à la convention sur le travail forcé, 1930',
      ru: 'Протокол 2014 года к Конвенции 1930 года о принудительном труде',
      es: 'Protocolo de 2014 relativo al Convenio sobre el trabajo forzoso, 1930',
    },
  },
];

/**
 * Treaty status (para 2): the instruments (a reference table) and each State's actions on
 * them, keyed by country first so the table can be distributed by State.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const actions = sql.join(treatyActions.map((a) => sql.lit(a)));
  await db.schema
    .createTable('treaty_instruments')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('names', 'jsonb', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('adopted_on', 'date', (c) => c.notNull())
    .addColumn('parent_code', 'text', (c) => c.references('treaty_instruments.code'))
    .addColumn('actions', sql`text[]`, (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('treaty_actions')
    .addColumn('country_iso3', 'char(3)', (c) => c.notNull().references('countries.iso3'))
    .addColumn('instrument', 'text', (c) => c.notNull().references('treaty_instruments.code'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in (${actions})`))
    .addColumn('action_date', 'date', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('treaty_actions_pkey', ['country_iso3', 'instrument', 'action', 'action_date'])
    .execute();
  // The per-instrument views (status map, not-party list) read by instrument.
  await db.schema.createIndex('treaty_actions_instrument_idx').on('treaty_actions').columns(['instrument', 'country_iso3']).execute();

  for (const [i, t] of instruments.entries()) {
    await sql`INSERT INTO treaty_instruments (code, names, short_name, adopted_on, parent_code, actions, sort_order)
      VALUES (${t.code}, ${JSON.stringify(t.names)}::jsonb, ${t.short_name}, ${t.adopted_on}::date, ${t.parent_code}, ${t.actions}::text[], ${i + 1})`.execute(db);
  }
}
