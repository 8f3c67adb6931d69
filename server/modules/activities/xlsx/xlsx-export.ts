// Writes activities as an Excel workbook: one sheet of activities (one row each), one of their
// recipient countries with percentages, one of budgets and transactions. Each sheet's header row
// is bold on a tinted fill, frozen, and has filters, so the table is usable as soon as it opens.
import ExcelJS from 'exceljs';
import type { ActivityDocument } from '../activities.schema.ts';

export interface XlsxActivity {
  document: ActivityDocument;
  updatedAt: Date;
}

const first = (n: Record<string, string>) => n.en ?? Object.values(n)[0] ?? '';
const statusNames: Record<number, string> = { 1: 'Pipeline', 2: 'Implementation', 3: 'Finalisation', 4: 'Closed', 5: 'Cancelled', 6: 'Suspended' };
const transactionNames: Record<number, string> = { 1: 'Incoming funds', 2: 'Outgoing commitment', 3: 'Disbursement', 4: 'Expenditure', 11: 'Incoming commitment' };

type Column = { header: string; key: string; width: number; style?: Partial<ExcelJS.Style> };

function sheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Record<string, unknown>[]): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns;
  ws.addRows(rows);
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  header.alignment = { vertical: 'middle' };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

const date = { numFmt: 'yyyy-mm-dd' };
const money = { numFmt: '#,##0.00' };
const asDate = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);

/** The workbook as bytes. `iso3` maps alpha-2 country codes. */
export async function toXlsx(items: XlsxActivity[], iso3: (iso2: string) => string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'TIP Hub';
  workbook.created = new Date();

  sheet(
    workbook,
    'Activities',
    [
      { header: 'IATI identifier', key: 'id', width: 32 },
      { header: 'Title', key: 'title', width: 50 },
      { header: 'Reporting organisation', key: 'org', width: 36 },
      { header: 'Organisation IATI identifier', key: 'orgRef', width: 22 },
      { header: 'Status', key: 'status', width: 16 },
      { header: 'Planned start', key: 'plannedStart', width: 13, style: date },
      { header: 'Planned end', key: 'plannedEnd', width: 13, style: date },
      { header: 'Actual start', key: 'actualStart', width: 13, style: date },
      { header: 'Actual end', key: 'actualEnd', width: 13, style: date },
      { header: 'Countries', key: 'countries', width: 20 },
      { header: 'Pillars', key: 'pillars', width: 30 },
      { header: 'DAC sectors', key: 'dac', width: 16 },
      { header: 'Trafficking marker', key: 'marker', width: 10 },
      { header: 'Budget total', key: 'budget', width: 16, style: money },
      { header: 'Currency', key: 'currency', width: 10 },
      { header: 'Last updated', key: 'updated', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
    ],
    items.map(({ document: d, updatedAt }) => {
      const currencies = [...new Set(d.budgets.map((b) => b.currency))];
      return {
        id: d.iatiIdentifier,
        title: first(d.title),
        org: first(d.reportingOrg.name),
        orgRef: d.reportingOrg.ref,
        status: statusNames[d.status] ?? String(d.status),
        plannedStart: asDate(d.dates.plannedStart),
        plannedEnd: asDate(d.dates.plannedEnd),
        actualStart: asDate(d.dates.actualStart),
        actualEnd: asDate(d.dates.actualEnd),
        countries: d.recipientCountries.map((c) => iso3(c.code)).join(', '),
        pillars: d.sectors.filter((s) => s.vocabulary === 'tip').map((s) => s.code).join(', '),
        dac: d.sectors.filter((s) => s.vocabulary === '1').map((s) => s.code).join(', '),
        marker: d.traffickingMarker,
        // A total only makes sense in one currency; mixed budgets are listed on the Finance sheet.
        budget: currencies.length === 1 ? d.budgets.reduce((s, b) => s + b.value, 0) : null,
        currency: currencies.length === 1 ? currencies[0] : currencies.join(', '),
        updated: updatedAt,
      };
    }),
  );

  sheet(
    workbook,
    'Countries',
    [
      { header: 'IATI identifier', key: 'id', width: 32 },
      { header: 'Country (ISO 3166-1 alpha-3)', key: 'country', width: 14 },
      { header: 'Percentage', key: 'percentage', width: 12, style: { numFmt: '0.##' } },
    ],
    items.flatMap(({ document: d }) => d.recipientCountries.map((c) => ({ id: d.iatiIdentifier, country: iso3(c.code), percentage: c.percentage }))),
  );

  sheet(
    workbook,
    'Finance',
    [
      { header: 'IATI identifier', key: 'id', width: 32 },
      { header: 'Kind', key: 'kind', width: 22 },
      { header: 'Date or period start', key: 'start', width: 14, style: date },
      { header: 'Period end', key: 'end', width: 14, style: date },
      { header: 'Value', key: 'value', width: 16, style: money },
      { header: 'Currency', key: 'currency', width: 10 },
      { header: 'Value date', key: 'valueDate', width: 14, style: date },
      { header: 'Provider', key: 'provider', width: 30 },
      { header: 'Receiver', key: 'receiver', width: 30 },
    ],
    items.flatMap(({ document: d }) => [
      ...d.budgets.map((b) => ({
        id: d.iatiIdentifier,
        kind: `Budget (${b.type === 1 ? 'original' : 'revised'})`,
        start: asDate(b.periodStart),
        end: asDate(b.periodEnd),
        value: b.value,
        currency: b.currency,
        valueDate: asDate(b.valueDate),
      })),
      ...d.transactions.map((t) => ({
        id: d.iatiIdentifier,
        kind: transactionNames[t.type] ?? `Transaction type ${t.type}`,
        start: asDate(t.date),
        value: t.value,
        currency: t.currency,
        valueDate: asDate(t.valueDate),
        provider: t.providerOrg ? (first(t.providerOrg.name) || t.providerOrg.ref) : null,
        receiver: t.receiverOrg ? (first(t.receiverOrg.name) || t.receiverOrg.ref) : null,
      })),
    ]),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
