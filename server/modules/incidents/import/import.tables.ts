/** Tables of the bulk import (see import.migration.ts). */
export interface IncidentImportTables {
  incident_import_fingerprints: {
    reporting_state: string;
    case_id: string;
    /** The case version the fingerprinted row produced. */
    version: number;
    fingerprint: string;
  };
}
