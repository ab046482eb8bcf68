import { PortfolioReport, STAGE_LABELS_FR } from '@sillon/contracts';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { CellType, CellValue, ExportTable, summaryLines } from './report-tables';

type Doc = PDFKit.PDFDocument;

// The standard PDF fonts only know WinAnsi: French digit grouping uses U+202F, which they lack.
const plainSpaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });

export function dateFr(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function pdfCell(type: CellType, value: CellValue): string {
  if (value === null || value === undefined || value === '') return '–';
  switch (type) {
    case 'int':
      return plainSpaces(integer.format(Number(value)));
    case 'decimal':
      return plainSpaces(decimal.format(Number(value)));
    case 'cents':
      return plainSpaces(euros.format(Number(value) / 100));
    case 'date':
      return dateFr(String(value));
    default:
      return String(value);
  }
}

const INK = '#1e1e1e';
const MUTED = '#555555';
const BAR = '#000091';

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function heading(doc: Doc, text: string): void {
  if (doc.y + 60 > bottom(doc)) doc.addPage({ size: 'A4', layout: doc.page.layout as 'portrait' | 'landscape', margin: doc.page.margins.left });
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(INK).text(text, doc.page.margins.left).moveDown(0.3);
}

// A table: header in bold, numbers right-aligned, the header repeated at the top of each new page.
function drawTable(doc: Doc, columns: { header: string; type: CellType; width: number }[], rows: CellValue[][]): void {
  const left = doc.page.margins.left;
  const available = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((n, c) => n + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * available);
  const fontSize = columns.length > 6 ? 7 : 9;
  const line = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i] - 4 }))) + 4;
    if (doc.y + height > bottom(doc)) {
      doc.addPage({ size: 'A4', layout: doc.page.layout as 'portrait' | 'landscape', margin: doc.page.margins.left });
      if (!bold) line(columns.map((c) => c.header), true);
    }
    const y = doc.y;
    let x = left;
    cells.forEach((text, i) => {
      const numeric = columns[i].type !== 'text' && columns[i].type !== 'date';
      doc.fillColor(INK).text(text, x + 2, y + 2, { width: widths[i] - 4, align: numeric && !bold ? 'right' : 'left' });
      x += widths[i];
    });
    doc.moveTo(left, y + height).lineTo(left + available, y + height).lineWidth(0.3).strokeColor('#bbbbbb').stroke();
    doc.x = left;
    doc.y = y + height;
  };
  line(columns.map((c) => c.header), true);
  for (const row of rows) line(row.map((value, i) => pdfCell(columns[i].type, value)), false);
}

// Projects per stage as horizontal bars, each labelled with its stage and count (not colour alone).
function drawStageChart(doc: Doc, report: PortfolioReport): void {
  const left = doc.page.margins.left;
  const labelWidth = 140;
  const barMax = doc.page.width - left - doc.page.margins.right - labelWidth - 40;
  const max = Math.max(1, ...report.byStage.map((s) => s.count));
  if (doc.y + report.byStage.length * 22 + 10 > bottom(doc)) doc.addPage();
  let y = doc.y + 4;
  for (const { stage, count } of report.byStage) {
    doc.font('Helvetica').fontSize(9).fillColor(INK).text(STAGE_LABELS_FR[stage], left, y + 3, { width: labelWidth - 8 });
    const width = (count / max) * barMax;
    if (width > 0) doc.rect(left + labelWidth, y, width, 14).fillColor(BAR).fill();
    doc.fillColor(INK).text(integer.format(count), left + labelWidth + width + 6, y + 3);
    y += 22;
  }
  doc.x = left;
  doc.y = y;
}

// The printable report: cover with period, scope and key figures, the stage chart, every table
// but the milestones detail (too long to print: it is in the CSV and XLSX exports).
export async function writePdf(report: PortfolioReport, tables: ExportTable[], generatedOn: string, out: Writable): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    lang: 'fr-FR',
    info: { Title: 'Rapport de portefeuille', Author: 'Sillon', Subject: `Période du ${dateFr(report.scope.from)} au ${dateFr(report.scope.to)}` },
  });
  doc.pipe(out);
  const done = finished(out);
  done.catch(() => undefined);
  const { scope } = report;

  doc.font('Helvetica').fontSize(10).fillColor(MUTED).text('Sillon — suivi de portefeuille des labs d’innovation publique');
  doc.moveDown(2).font('Helvetica-Bold').fontSize(24).fillColor(INK).text('Rapport de portefeuille');
  doc.moveDown(0.5).font('Helvetica').fontSize(13).text(`Période du ${dateFr(scope.from)} au ${dateFr(scope.to)}`);
  doc.text(`Portefeuille au ${dateFr(scope.asOf)}`);
  doc.moveDown(0.5).fontSize(10).fillColor(MUTED).text(`Édité le ${dateFr(generatedOn)}`);

  heading(doc, 'Périmètre et chiffres clés');
  const summary = summaryLines(report).filter((l) => l.label !== 'Début de la période' && l.label !== 'Fin de la période');
  drawTable(
    doc,
    [
      { header: 'Indicateur', type: 'text', width: 3 },
      { header: 'Valeur', type: 'text', width: 4 },
    ],
    summary.map((l) => [l.label, pdfCell(l.type, l.value)]),
  );

  heading(doc, 'Projets par étape');
  drawStageChart(doc, report);

  for (const table of tables.filter((t) => t.key !== 'milestones')) {
    // The projects list is wide: it gets landscape pages of its own.
    if (table.columns.length > 6) doc.addPage({ size: 'A4', layout: 'landscape', margin: 36 });
    heading(doc, table.title);
    const rows: CellValue[][] = [];
    for await (const page of table.pages()) for (const row of page) rows.push(table.columns.map((c) => c.value(row)));
    if (!rows.length) doc.font('Helvetica').fontSize(9).fillColor(MUTED).text('Aucune donnée pour ce périmètre.');
    else drawTable(doc, table.columns, rows);
  }
  heading(doc, 'Détail des jalons');
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(INK)
    .text(`Les ${integer.format(report.milestoneRows).replace(/[\u202f\u00a0]/g, ' ')} jalons de la période figurent dans les exports CSV et XLSX.`);
  doc.end();
  await done;
}
