// Message keys for the server's codes (pillars, IATI statuses, required fields, treaty standing).
import type { MessageKey } from '../i18n/catalogue.ts';
import type { RequiredField } from './monitoringApi.ts';

export const pillarKeys: Record<string, MessageKey> = {
  prevention: 'monitoring.pillar.prevention',
  protection: 'monitoring.pillar.protection',
  prosecution: 'monitoring.pillar.prosecution',
  partnership: 'monitoring.pillar.partnership',
  demand_reduction: 'monitoring.pillar.demand_reduction',
  recovery_reintegration: 'monitoring.pillar.recovery_reintegration',
  technical_assistance: 'monitoring.pillar.technical_assistance',
};

export const statusKeys: Record<number, MessageKey> = {
  1: 'monitoring.status.1',
  2: 'monitoring.status.2',
  3: 'monitoring.status.3',
  4: 'monitoring.status.4',
  5: 'monitoring.status.5',
  6: 'monitoring.status.6',
};

export const fieldKeys: Record<RequiredField, MessageKey> = {
  title: 'monitoring.field.title',
  description: 'monitoring.field.description',
  status: 'monitoring.field.status',
  dates: 'monitoring.field.dates',
  geography: 'monitoring.field.geography',
  pillar: 'monitoring.field.pillar',
  budget: 'monitoring.field.budget',
  participatingOrg: 'monitoring.field.participatingOrg',
};

export const treatyKeys: Record<'party' | 'signatory' | 'none', MessageKey> = {
  party: 'monitoring.treaty.party',
  signatory: 'monitoring.treaty.signatory',
  none: 'monitoring.treaty.none',
};
