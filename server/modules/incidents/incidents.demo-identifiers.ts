// Synthetic identifiers for demonstration cases, sealed exactly as the service seals real ones
// (the State's data key, AES-256-GCM bound to the case and person; a keyed person key), so a
// permitted demo user can open them and the duplicate finder has repeats to find. Every name
// comes from the invented lists below, identity numbers start with DEMO-ID- and phone numbers
// use +999 (no country has it): nothing can be mistaken for a real person.
import type { Tx } from '../../platform/db/database.ts';
import type { Random } from '../../platform/demo/random.ts';
import { identifiersContext, newStateKey, personKey, sealIdentifiers, unwrapStateKey } from './incidents.protection.ts';
import { IncidentsRepository } from './incidents.repository.ts';
import type { Identifiers } from './incidents.schema.ts';

/** A demo victim or individual perpetrator who may get identifiers, and how to store them. */
export interface DemoPerson {
  state: string;
  caseId: string;
  /** The year the case is about (its detection). */
  year: number;
  role: 'victim' | 'perpetrator';
  ref: string;
  gender: string | null;
  age: number | null;
  ageBand: string | null;
  /** Writes the sealed identifiers and the person key into the rows about to be loaded. */
  store(sealed: string, personKey: string | null): void;
}

// Invented names (no real-world list): some with accents, to show the person key ignores them.
export const demoGivenNamesFeminine = ['Zorvella', 'Amarinde', 'Élodra', 'Quessaly', 'Mirçana', 'Talvisa', 'Yorlenne', 'Brisolde', 'Ondrafa', 'Kelvirna'];
export const demoGivenNamesMasculine = ['Quintaro', 'Velmiro', 'Dravosko', 'Orrintal', 'Cazimbo', 'Feldrikko', 'Ysandrel', 'Jovrekan', 'Bastorin', 'Mellipor'];
export const demoFamilyNames = ['Testamundi', 'Exemplova', 'Fictarro', 'Synthéra', 'Placidorn', 'Nominova', 'Samplevik', 'Demorranza', 'Imaginél', 'Inventaglio', 'Fabulenko', 'Pretendra'];
/** The prefix of every demo identity number. */
export const DEMO_ID_PREFIX = 'DEMO-ID-';

/** Recent cases only: a State's retention period would have erased older ones' identifiers. */
const RECENT_YEARS = 6;
/** Shares of people given identifiers: most in the demo focal point's State, a few elsewhere. */
const share = { focal: { victim: 0.6, perpetrator: 0.5 }, other: { victim: 0.04, perpetrator: 0.05 } };
/** Chance that a person is one already reported in another case (a planted repeat). */
const repeat = { victim: 0.04, perpetrator: 0.12 };

const pad = (n: number) => String(n).padStart(2, '0');
const withoutAccents = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '');

function birthDate(rng: Random, p: DemoPerson): string {
  const bandLow = p.ageBand ? Number(p.ageBand.split(/[-+]/)[0]) : NaN;
  const age = p.age ?? (Number.isFinite(bandLow) ? bandLow + rng.int(0, 2) : rng.int(19, 45));
  return `${p.year - age - rng.int(0, 1)}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
}

function newIdentity(rng: Random, p: DemoPerson): Identifiers {
  const given = p.gender === 'Masculine' ? demoGivenNamesMasculine : p.gender === null ? [...demoGivenNamesFeminine, ...demoGivenNamesMasculine] : demoGivenNamesFeminine;
  const id: Identifiers = { givenNames: rng.pick(given), familyName: rng.pick(demoFamilyNames) };
  const idNumber = () => `${DEMO_ID_PREFIX}${rng.int(100000, 999999)}`;
  if (p.role === 'victim') {
    id.birthDate = birthDate(rng, p);
    if (rng.chance(0.5)) id.identityNumber = idNumber();
    if (rng.chance(0.4)) id.contact = `+999 555 ${rng.int(1000, 9999)}`;
  } else {
    // A perpetrator is known by a birth date, an identity number or both, so a person key exists.
    const known = rng.int(0, 2);
    if (known !== 1) id.birthDate = birthDate(rng, p);
    if (known !== 0) id.identityNumber = idNumber();
    if (rng.chance(0.3)) id.otherNames = [`${rng.pick(demoGivenNamesMasculine)} ${rng.pick(demoFamilyNames)}`];
  }
  return id;
}

/** The same person as reported by another body: family name in capitals, accents dropped, names in the other order. */
function respelled(rng: Random, id: Identifiers): Identifiers {
  const variant = rng.int(0, 2);
  if (variant === 0) return { ...id, familyName: id.familyName?.toUpperCase() };
  if (variant === 1) return { ...id, givenNames: id.givenNames && withoutAccents(id.givenNames), familyName: id.familyName && withoutAccents(id.familyName) };
  return { ...id, givenNames: id.familyName, familyName: id.givenNames };
}

/** The State's data key, created (sealed under the master key) when the State has none yet. */
async function stateKeyOf(tx: Tx, masterKey: Buffer, state: string): Promise<Buffer> {
  const repo = new IncidentsRepository(tx.db);
  const wrapped = (await repo.stateKey(state)) ?? (await repo.insertStateKey(state, newStateKey(masterKey, state).wrapped));
  try {
    return unwrapStateKey(masterKey, state, wrapped);
  } catch {
    throw new Error(`The master key does not open the data key of ${state} already stored; demo identifiers cannot be sealed with it`);
  }
}

/**
 * Gives a share of the demo people synthetic identifiers, sealed under their State's key,
 * with person keys; a few are the same person reported in two cases (possibly two States).
 * About two hundred people: one AES-GCM seal and one HMAC each.
 */
export async function sealDemoIdentifiers(tx: Tx, rng: Random, masterKey: Buffer, people: DemoPerson[], focalState: string | null): Promise<number> {
  const lastYear = Math.max(...people.map((p) => p.year));
  const keys = new Map<string, Buffer>();
  const seen: Record<DemoPerson['role'], { caseId: string; gender: string | null; identity: Identifiers }[]> = { victim: [], perpetrator: [] };
  let sealedCount = 0;
  for (const p of people) {
    if (p.year <= lastYear - RECENT_YEARS) continue;
    if (!rng.chance((p.state === focalState ? share.focal : share.other)[p.role])) continue;
    const earlier = seen[p.role].filter((s) => s.caseId !== p.caseId && s.gender === p.gender);
    const identity = earlier.length && rng.chance(repeat[p.role]) ? respelled(rng, rng.pick(earlier).identity) : newIdentity(rng, p);
    seen[p.role].push({ caseId: p.caseId, gender: p.gender, identity });
    let key = keys.get(p.state);
    if (!key) keys.set(p.state, (key = await stateKeyOf(tx, masterKey, p.state)));
    p.store(sealIdentifiers(key, identifiersContext(p.state, p.caseId, p.role, p.ref), identity), personKey(masterKey, identity));
    sealedCount++;
  }
  return sealedCount;
}
