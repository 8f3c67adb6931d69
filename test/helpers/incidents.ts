// A valid case document for incident-report tests, and a helper that reports it through the API.
import type { App } from '../../server/platform/http/app-type.ts';

type Json = Record<string, unknown>;

/** A complete, consistent case (passes the submission rules) for the given State. */
export function caseDocument(reportingState = 'KEN', overrides: Json = {}): Json {
  return {
    reportingState,
    reportingEntity: { type: 'police', name: 'Anti-Trafficking Unit' },
    externalId: `EXT-${Math.random().toString(36).slice(2, 10)}`,
    event: {
      iccsCode: { value: '02042' },
      recruitmentDate: { value: '2024-01-10' },
      exploitationStartDate: { value: '2024-02-01' },
      exploitationEndDate: { value: '2024-09-30' },
      detectionDate: { value: '2024-10-02' },
      places: [
        { stage: 'Recruitment', country: { value: 'UGA' }, area: 'Kampala' },
        { stage: 'Transit', country: { value: 'KEN' } },
        { stage: 'Exploitation', country: { value: 'SAU' } },
      ],
    },
    victims: [
      {
        ref: 'V1',
        identifiers: { givenNames: 'Amina', familyName: 'Nakato', birthDate: '2001-05-04', identityNumber: 'B1234567', contact: '+256 700 000 000' },
        gender: { value: 'Feminine' },
        age: { value: 22 },
        ageBand: { value: '21-23' },
        minorAtExploitation: { value: false },
        citizenships: { value: ['UGA'] },
        traffickingStatus: { value: 'ActualVictimOfTrafficking' },
        statusDecidedBy: { value: 'Police' },
        exploitationForms: { value: ['ForcedLabour'] },
        sexExploitationTypes: { reason: 'not_applicable' },
        forcedLabourIndustries: { value: ['T'] },
        methodsOfControl: { value: ['WithholdsDocuments', 'TakesEarnings'] },
        recruitmentMethod: { value: 'ThroughAnOnlineAdvertisement' },
        relationshipToTrafficker: { value: 'Unacquainted' },
        assistanceReceived: { value: ['Accommodation', 'Repatriation'] },
        consentToShare: true,
        consentToCount: true,
      },
    ],
    perpetrators: [
      {
        ref: 'P1',
        identifiers: { givenNames: 'John', familyName: 'Doe' },
        kind: 'individual',
        roles: { value: ['RecruiterOrIntermediary'] },
        gender: { value: 'Masculine' },
        ageBand: { value: '39-47' },
        citizenships: { value: ['KEN'] },
        prosecutionOutcome: { value: 'UnderInvestigation' },
      },
    ],
    links: [{ victim: 'V1', perpetrator: 'P1' }],
    ...overrides,
  };
}

/** Reports a case through `POST /api/v1/incidents/cases`; throws unless it answers 201. */
export async function reportCase(app: App, headers: Record<string, string>, doc: Json = caseDocument()): Promise<{ id: string; reportingState: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/incidents/cases', headers, payload: doc });
  if (res.statusCode !== 201) throw new Error(`reporting a case answered ${res.statusCode}: ${res.body}`);
  return res.json<{ id: string; reportingState: string }>();
}
