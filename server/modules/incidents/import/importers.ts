// The incident import formats, by name: what the CLI, the HTTP import and the web wizard call.
import { importCtdc } from './ctdc.ts';
import { importGlotip } from './glotip.ts';
import { importHtcds } from './htcds.ts';
import type { IncidentImportFormat, IncidentImporter } from './import-types.ts';

const importers: Record<IncidentImportFormat, IncidentImporter> = { htcds: importHtcds, ctdc: importCtdc, glotip: importGlotip };

/** The importer of one format. */
export function incidentImporter(format: IncidentImportFormat): Promise<IncidentImporter> {
  return Promise.resolve(importers[format]);
}
