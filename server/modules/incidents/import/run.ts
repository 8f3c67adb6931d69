// Binds a case-level format to the import engine as the contract's IncidentImporter.
import { importCases, type CaseFormat } from './case-import.ts';
import type { IncidentImporter } from './import-types.ts';

export function importWith(format: CaseFormat): IncidentImporter {
  return (database, settings, importer, request) => importCases(database, settings, importer, request, format);
}
