import type { ChronologyExportDocument } from '../../schemas/exports';
import { referralAgencyNames } from '../referrals/referral';
import { newPdfDocument, type PdfDocument, type PdfStructureElement } from './pdfkit';

/**
 * The chronology as an accessible, tagged PDF (PDF 1.7, structure tree, language, its title
 * shown as the window title): headings for the document and each incident, paragraphs and
 * lists beneath, and on every page a footer, marked as a pagination artifact so a screen
 * reader skips it, saying CONFIDENTIAL and "Page n of N".
 *
 * The standard Helvetica fonts encode Windows-1252 only: a letter outside it is written as
 * its base letter where it has one ("Ŵ" as "W"), otherwise "?". The JSON export keeps every
 * character exactly.
 */
const MARGIN = 56;
const FOOTER_SPACE = 36;

const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function pdfSafeText(text: string): string {
  let result = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (char === '\n' || char === '\t' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(char)) {
      result += char;
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
    result += base && [...base].every((each) => each.codePointAt(0)! < 0x7f) ? base : '?';
  }
  return result;
}

const roleNames: Readonly<Record<string, string>> = {
  subject: 'the pupil the incident is about',
  involved: 'involved',
  witness: 'witness',
  victim: 'victim',
  alleged_perpetrator: 'alleged perpetrator',
};

export function formatInSchoolTime(instant: string, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

const formatDay = (day: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${day}T00:00:00Z`));

export async function renderChronologyPdf(document: ChronologyExportDocument): Promise<Uint8Array> {
  const title = `Chronology: ${document.pupil.name}`;
  const pdf = newPdfDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true,
    autoFirstPage: true,
    tagged: true,
    pdfVersion: '1.7',
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: pdfSafeText(title), Author: pdfSafeText(document.school.name), Subject: 'Confidential safeguarding chronology', Creator: 'Lantern', Producer: 'Lantern' },
  });
  const chunks: Uint8Array[] = [];
  pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });

  const zone = document.timeZone;
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const block = (parent: PdfStructureElement, tag: string, draw: () => void) => parent.add(pdf.struct(tag, {}, draw));
  const heading = (parent: PdfStructureElement, tag: 'H1' | 'H2' | 'H3', text: string) => {
    const size = tag === 'H1' ? 18 : tag === 'H2' ? 13 : 11;
    block(parent, tag, () => {
      pdf.font('Helvetica-Bold').fontSize(size).fillColor('#0b0c0c').text(pdfSafeText(text), { paragraphGap: 4 });
    });
  };
  const paragraph = (parent: PdfStructureElement, text: string, options: { bold?: boolean } = {}) =>
    block(parent, 'P', () => {
      pdf.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10).fillColor('#0b0c0c').text(pdfSafeText(text), { paragraphGap: 3 });
    });
  const list = (parent: PdfStructureElement, items: readonly string[]) => {
    const element = pdf.struct('L');
    parent.add(element);
    for (const item of items) {
      element.add(
        pdf.struct('LI', {}, () => {
          pdf.font('Helvetica').fontSize(10).fillColor('#0b0c0c').text(pdfSafeText(`•  ${item}`), { indent: 8, paragraphGap: 3 });
        }),
      );
    }
    element.end();
  };

  heading(root, 'H1', title);
  paragraph(root, 'CONFIDENTIAL: safeguarding record. Share only with those who need it for the child’s safety.', { bold: true });
  const header = pdf.struct('Sect');
  root.add(header);
  paragraph(header, `School: ${document.school.name}`);
  paragraph(header, `Pupil: ${document.pupil.name} (UPN ${document.pupil.upn}; born ${formatDay(document.pupil.dateOfBirth)}; ${document.pupil.yearGroup}, ${document.pupil.className})`);
  paragraph(header, `Range: ${formatDay(document.range.from)} to ${formatDay(document.range.to)}`);
  paragraph(header, `Categories: ${document.categories.length > 0 ? document.categories.map((category) => category.name).join(', ') : 'all open to the reader'}`);
  paragraph(header, `Redaction: ${document.redaction === 'third-parties' ? "third parties (other pupils' names as [pupil n], staff as their job titles)" : 'none'}`);
  paragraph(header, `Generated by: ${document.generatedBy.name}${document.generatedBy.jobTitle && document.generatedBy.name !== document.generatedBy.jobTitle ? `, ${document.generatedBy.jobTitle}` : ''}`);
  paragraph(header, `Generated at: ${formatInSchoolTime(document.generatedAt, zone)} (${zone})`);
  paragraph(header, `${document.incidents.length} ${document.incidents.length === 1 ? 'incident' : 'incidents'}, in the order they happened.${document.hiddenCount > 0 ? ` ${document.hiddenCount} more in the range are not shown: a category on them is not open to the reader.` : ''}`);
  header.end();

  document.incidents.forEach((incident, index) => {
    const section = pdf.struct('Sect');
    root.add(section);
    pdf.moveDown(0.6);
    heading(section, 'H2', `${index + 1}. ${formatInSchoolTime(incident.occurredAt, zone)}: ${incident.categories.map((category) => (category.subCategories.length > 0 ? `${category.name} (${category.subCategories.join(', ')})` : category.name)).join(', ')}`);
    paragraph(section, `About: ${incident.pupil.name}${incident.role === 'subject' ? '' : `; ${document.pupil.name} is ${roleNames[incident.role]}`}`);
    if (incident.linkedPupils.length > 0) paragraph(section, `Linked pupils: ${incident.linkedPupils.map((linked) => `${linked.name} (${roleNames[linked.role]})`).join('; ')}`);
    paragraph(section, `Recorded by ${incident.author} at ${formatInSchoolTime(incident.recordedAt, zone)}${incident.location ? `; where: ${incident.location}` : ''}; status: ${incident.status}`);
    paragraph(section, incident.text);
    if (incident.outcome) paragraph(section, `Outcome: ${incident.outcome}`);
    if (incident.actions.length > 0) {
      heading(section, 'H3', 'Actions');
      list(section, incident.actions.map((action) => `${formatInSchoolTime(action.at, zone)}, ${action.author}: ${action.text}`));
    }
    if (incident.statusChanges.length > 0) {
      heading(section, 'H3', 'Status changes');
      list(section, incident.statusChanges.map((change) => `${formatInSchoolTime(change.at, zone)}, ${change.by}: ${change.from ?? 'none'} to ${change.to}. Reason: ${change.reason}`));
    }
    if (incident.referrals.length > 0) {
      heading(section, 'H3', 'Referrals');
      list(
        section,
        incident.referrals.map(
          (referral) =>
            `${formatInSchoolTime(referral.madeAt, zone)}: ${referralAgencyNames[referral.agency]}${referral.agencyName ? ` (${referral.agencyName})` : ''}${referral.reference ? `, reference ${referral.reference}` : ''}; ${referral.state}, response due ${formatInSchoolTime(referral.responseDueAt, zone)}${referral.outcome ? `; outcome ${formatInSchoolTime(referral.outcome.at, zone)}: ${referral.outcome.text}` : ''}`,
        ),
      );
    }
    section.end();
  });
  root.end();

  footers(pdf, document.school.name);
  pdf.end();
  await ended;
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** "CONFIDENTIAL … Page n of N" on every page, as an artifact outside the structure tree. */
function footers(pdf: PdfDocument, schoolName: string): void {
  const range = pdf.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    pdf.switchToPage(page);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf
      .font('Helvetica-Bold')
      .fontSize(8)
      .fillColor('#0b0c0c')
      .text(pdfSafeText(`CONFIDENTIAL · ${schoolName} · Page ${page + 1} of ${range.count}`), MARGIN, pdf.page.height - MARGIN, { width: pdf.page.width - 2 * MARGIN, align: 'center', lineBreak: false });
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
}
