import { describe, expect, it } from 'vitest';
import { buildAlerts, recipientsOf } from '../../../../shared/domain/alerts/alerts-for';
import { SequentialIds } from '../../support/fake-deps';
import { alertGroupsOf, everyAlertGroup, everyStaffMember, pupilsOf, staffOf } from '../../support/school-cast';

const activeStaff = new Map(everyStaffMember.map((member) => [member.id, member]));

describe('recipientsOf', () => {
  it('expands groups, merges duplicates and leaves out the author and disabled accounts', () => {
    // Prepare
    const choice = { staffIds: [staffOf.teachingAssistant.id, staffOf.designatedLead.id], groupIds: [alertGroupsOf.yearFourTeam.id, alertGroupsOf.seniorLeadership.id] };

    // Act
    const recipients = recipientsOf(staffOf.author.id, choice, everyAlertGroup, activeStaff);

    // Assess
    expect(recipients).toEqual([staffOf.teachingAssistant.id, staffOf.designatedLead.id, staffOf.deputyHead.id]);
  });

  it('leaves out anyone not in the directory', () => {
    // Prepare
    const choice = { staffIds: ['staff-nobody', staffOf.deputyHead.id], groupIds: [] };

    // Act
    const recipients = recipientsOf(staffOf.author.id, choice, everyAlertGroup, activeStaff);

    // Assess
    expect(recipients).toEqual([staffOf.deputyHead.id]);
  });

  it('expands groups as they are at the time of sending', () => {
    // Prepare
    const changedGroup = { ...alertGroupsOf.seniorLeadership, memberIds: [staffOf.unrelatedTeacher.id] };

    // Act
    const recipients = recipientsOf(staffOf.author.id, { staffIds: [], groupIds: [changedGroup.id] }, [changedGroup], activeStaff);

    // Assess
    expect(recipients).toEqual([staffOf.unrelatedTeacher.id]);
  });
});

describe('buildAlerts', () => {
  it('makes one alert per recipient, each with its own id', () => {
    // Prepare
    const facts = {
      incidentId: 'incident-1',
      kind: 'incident' as const,
      authorId: staffOf.author.id,
      authorName: 'Rukhsana Ahmed',
      categoryNames: ['Behaviour'],
      studentId: pupilsOf.subject.id,
      createdAt: '2025-01-15T10:00:00.000Z',
    };

    // Act
    const alerts = buildAlerts(new SequentialIds(), [staffOf.designatedLead.id, staffOf.deputyHead.id], facts);

    // Assess
    expect(alerts).toEqual([
      { ...facts, id: '01JHT000000000000000000001', recipientId: staffOf.designatedLead.id },
      { ...facts, id: '01JHT000000000000000000002', recipientId: staffOf.deputyHead.id },
    ]);
  });
});
