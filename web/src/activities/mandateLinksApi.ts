// PUT /api/v1/activities/:id/mandate-links: replaces the paragraphs an activity implements
// (the server checks every reference and makes a new version of the activity).
import type { z } from 'zod';
import type { activityLinksSchema } from '../../../server/modules/mandates/mandates.schema.ts';
import { request } from '../api.ts';

export type ActivityLinks = z.infer<typeof activityLinksSchema>;

export const putMandateLinks = (activityId: string, references: readonly string[]) =>
  request<ActivityLinks>('PUT', `/api/v1/activities/${encodeURIComponent(activityId)}/mandate-links`, { references });

/** The shape "<symbol> para <number>"; whether that paragraph exists is the server's answer. */
export const referencePattern = /^\s*\S.*?\s+para\s+\S+\s*$/i;
