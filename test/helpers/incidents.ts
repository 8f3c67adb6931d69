// A valid case document for incident-report tests, and a helper that reports it through the API.
import type { App } from '../../server/platform/http/app-type.ts';
import { createCaseExample } from '../../server/modules/incidents/incidents.schema.ts';

type Json = Record<string, unknown>;

/**
 * A complete, consistent case (passes the submission rules) for the given State: the API's own
 * example (incidents.schema.ts, so the value sets are written once) with identifiers that
 * tests look for, a detection date, a victim who consents to sharing and a fresh external id.
 */
export function caseDocument(reportingState = 'KEN', overrides: Json = {}): Json {
  const example = structuredClone(createCaseExample);
  const [victim] = example.victims;
  const [perpetrator] = example.perpetrators;
  return {
    ...example,
    reportingState,
    reportingEntity: { type: 'police', name: 'Anti-Trafficking Unit' },
    externalId: `EXT-${Math.random().toString(36).slice(2, 10)}`,
    event: { ...example.event, detectionDate: { value: '2024-10-02' } },
    victims: [
      {
        ...victim,
        identifiers: { givenNames: 'Amina', familyName: 'Nakato', birthDate: '2001-05-04', identityNumber: 'B1234567', contact: '+256 700 000 000' },
        methodsOfControl: { value: ['WithholdsDocuments', 'TakesEarnings'] },
        relationshipToTrafficker: { value: 'Unacquainted' },
        assistanceReceived: { value: ['Accommodation', 'Repatriation'] },
        consentToShare: true,
      },
    ],
    perpetrators: [{ ...perpetrator, identifiers: { givenNames: 'John', familyName: 'Doe' } }],
    ...overrides,
  };
}

/** Reports a case through `POST /api/v1/incidents/cases`; throws unless it answers 201. */
export async function reportCase(app: App, headers: Record<string, string>, doc: Json = caseDocument()): Promise<{ id: string; reportingState: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/incidents/cases', headers, payload: doc });
  if (res.statusCode !== 201) throw new Error(`reporting a case answered ${res.statusCode}: ${res.body}`);
  return res.json<{ id: string; reportingState: string }>();
}
