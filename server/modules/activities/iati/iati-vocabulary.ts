// How our vocabularies travel inside IATI 2.03 XML: IATI's "reporting organisation" (99)
// vocabularies with our URIs, and extension elements in our own namespace, which the IATI
// schema allows at the end of iati-activity (xsd:any namespace="##other").

export const TIP_NAMESPACE = 'https://tiphub.org/ns/iati-extension/1';
export const TIP_PREFIX = 'tip';
/** sector/@vocabulary="99" with this URI: the anti-trafficking pillars. */
export const PILLAR_VOCABULARY_URI = 'https://tiphub.org/vocabulary/pillar';
/** policy-marker/@vocabulary="99" @code="TIP": the trafficking policy marker, significance 0-2. */
export const MARKER_VOCABULARY_URI = 'https://tiphub.org/vocabulary/policy-marker';
export const MARKER_CODE = 'TIP';

/** activity-date/@type codes. */
export const activityDateTypes = { plannedStart: '1', actualStart: '2', plannedEnd: '3', actualEnd: '4' } as const;
