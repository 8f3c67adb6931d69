// The reporting round form's checks: the server's rules (monitoring.service roundProblems),
// made before sending so each problem shows at its field.
import type { MessageKey } from '../i18n/catalogue.ts';
import type { RoundInput } from './roundsApi.ts';

export type RoundValues = RoundInput;
export const blankRound: RoundValues = { name: '', periodStart: '', periodEnd: '', dueDate: '' };
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** A name, three dates, the period not ending before it starts, the due date not before its end. */
export function roundProblems(v: RoundValues): Partial<Record<keyof RoundValues, MessageKey>> {
  const problems: Partial<Record<keyof RoundValues, MessageKey>> = {};
  if (!v.name.trim()) problems.name = 'monitoring.rounds.required';
  for (const k of ['periodStart', 'periodEnd', 'dueDate'] as const) if (!isDate(v[k])) problems[k] = 'monitoring.rounds.dateRequired';
  if (!problems.periodStart && !problems.periodEnd && v.periodEnd < v.periodStart) problems.periodEnd = 'monitoring.rounds.endBeforeStart';
  if (!problems.periodEnd && !problems.dueDate && v.dueDate < v.periodEnd) problems.dueDate = 'monitoring.rounds.dueBeforeEnd';
  return problems;
}
