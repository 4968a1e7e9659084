import { describe, expect, it } from 'vitest';
import { gatherChronology } from '../../../../shared/domain/exports/export-chronology';
import { applyRedactions, proposeRedactions, type RedactionContext } from '../../../../shared/domain/exports/redaction';
import { pdfSafeText } from '../../../../shared/domain/exports/chronology-pdf';
import { callerFor, everyStaffMember, pupilsOf, staffOf } from '../../support/school-cast';
import { exportSchool, fixtureText, hope, oscar } from './export-school';

const dsl = callerFor(staffOf.designatedLead, { elevated: true });

async function fixtureDraft() {
  const deps = await exportSchool();
  const { draft } = await gatherChronology(deps, dsl, pupilsOf.subject.id, { from: '2025-01-01', to: '2025-01-31', categories: [] }, { action: 'student.export', recordType: 'student', recordId: pupilsOf.subject.id, studentIds: [pupilsOf.subject.id] });
  const names = (pupil: { id: string; givenName: string; familyName: string }) => ({ id: pupil.id, givenName: pupil.givenName, familyName: pupil.familyName });
  const context: RedactionContext = {
    subject: names(pupilsOf.subject),
    pupils: [pupilsOf.classmate, pupilsOf.witness, oscar, hope].map(names),
    staff: everyStaffMember.map((member) => ({ ...names(member), jobTitle: member.jobTitle })),
  };
  return { draft, context };
}

describe('proposeRedactions: what the disclosure workbench will review', () => {
  it('gives each name in the text its span, whose it is and why; an everyday-word forename is listed, not proposed', async () => {
    // Prepare
    const { draft, context } = await fixtureDraft();
    // Act
    const inText = proposeRedactions(draft, context).filter((proposal) => proposal.path === 'incidents.0.text');
    // Assess
    expect(inText.map((proposal) => [proposal.original, proposal.reason, proposal.proposed, proposal.person?.id])).toEqual([
      ['Leo Walsh', 'pupil-full-name', true, pupilsOf.classmate.id],
      ['Oscar', 'pupil-forename', true, oscar.id],
      ['RAhmed', 'staff-name', true, staffOf.author.id],
      ['Hope', 'everyday-word', false, hope.id],
      ['Mr Hughes', 'staff-name', true, staffOf.teachingAssistant.id],
      ['Leo', 'pupil-forename', true, pupilsOf.classmate.id],
    ]);
    for (const proposal of inText) expect(fixtureText.slice(proposal.span!.start, proposal.span!.end)).toBe(proposal.original);
  });

  it('proposes every linked field but never the exported pupil', async () => {
    // Prepare
    const { draft, context } = await fixtureDraft();
    // Act
    const fields = proposeRedactions(draft, context).filter((proposal) => !proposal.span);
    // Assess
    expect(fields.map((proposal) => proposal.path)).toEqual(
      expect.arrayContaining(['generatedBy.name', 'incidents.0.linkedPupils.0.name', 'incidents.0.linkedPupils.1.name', 'incidents.0.author', 'incidents.0.actions.0.author', 'incidents.0.statusChanges.0.by']),
    );
    expect(fields.some((proposal) => proposal.person?.id === pupilsOf.subject.id)).toBe(false);
  });

  it('renders exactly the decisions given: a rejected proposal keeps the name, an accepted held-back one is redacted, numbers stay consecutive', async () => {
    // Prepare
    const { draft, context } = await fixtureDraft();
    const proposals = proposeRedactions(draft, context);
    const oscarInText = proposals.find((proposal) => proposal.original === 'Oscar')!;
    const hopeInText = proposals.find((proposal) => proposal.original === 'Hope')!;
    // Act
    const { document } = applyRedactions(draft, 'third-parties', proposals, new Map([[oscarInText.id, false], [hopeInText.id, true]]), context.staff);
    // Assess
    expect(document.incidents[0]!.text).toBe('At break [pupil 1] pushed Amara off the bench. Oscar saw it and fetched [Class teacher, Year 4]. [pupil 3] stayed with Amara until [Teaching assistant, Year 4] arrived. Amara said "[pupil 1] always does this".');
  });
});

describe('pdfSafeText', () => {
  it('keeps Windows-1252 text, writes other letters as their base letter, and drops control characters', () => {
    // Prepare
    const text = 'Café “quoted” – Ŵyn\u0007 ✓';
    // Act
    const safe = pdfSafeText(text);
    // Assess
    expect(safe).toBe('Café “quoted” – Wyn ?');
  });
});
