import { describe, expect, it } from 'vitest';
import { incidentFacts, relationshipsTo, visibleActions } from '../../../../shared/domain/incidents/relationships';
import type { StoredIncident } from '../../../../shared/domain/ports';
import { defaultCategories } from '../../../../shared/domain/categories/default-categories';
import { callerFor, staffOf } from '../../support/school-cast';
import { actionFixture, incidentFixture } from '../../support/incident-records';

const incident = incidentFixture({
  linkedStudents: [],
  categories: [
    { categoryId: 'behaviour', subCategoryIds: [], fields: {} },
    { categoryId: 'safeguarding', subCategoryIds: [], fields: {} },
  ],
  assignedTo: [staffOf.deputyHead.id],
  alert: { staffIds: [], groupIds: ['senior-leadership'] },
  alertedStaffIds: [staffOf.designatedLead.id, staffOf.deputyHead.id],
});
const stored: StoredIncident = { incident, actions: [], taggedStaffIds: new Set([staffOf.teachingAssistant.id]) };

const action = (id: string, authorId: string, taggedStaffIds: string[] = []) => actionFixture({ id, authorId, taggedStaffIds });

describe('relationshipsTo', () => {
  it.each([
    ['the author', staffOf.author, ['author']],
    ['someone alerted and assigned', staffOf.deputyHead, ['assigned', 'alerted']],
    ['someone alerted through a group', staffOf.designatedLead, ['alerted']],
    ['someone tagged in an action', staffOf.teachingAssistant, ['tagged']],
    ['someone unrelated', staffOf.unrelatedTeacher, []],
  ])('finds how %s stands to the incident', (_who, profile, expected) => {
    // Prepare
    const caller = callerFor(profile);

    // Act
    const relationships = relationshipsTo(caller, stored);

    // Assess
    expect([...relationships]).toEqual(expected);
  });
});

describe('incidentFacts', () => {
  it('lists each category’s viewers, DSL only for a category no longer in the catalogue', () => {
    // Prepare
    const catalogue = defaultCategories.filter((category) => category.id !== 'safeguarding');

    // Act
    const facts = incidentFacts(callerFor(staffOf.author), stored, catalogue);

    // Assess
    expect(facts.categoryViewers).toEqual([['dsl', 'slt'], ['dsl']]);
    expect([...facts.relationships]).toEqual(['author']);
  });
});

describe('visibleActions', () => {
  const actions = [action('a1', staffOf.author.id, [staffOf.teachingAssistant.id]), action('a2', staffOf.deputyHead.id), action('a3', staffOf.designatedLead.id, [staffOf.author.id])];

  it('keeps the actions the caller wrote or was tagged in', () => {
    // Prepare
    const caller = callerFor(staffOf.author);

    // Act
    const visible = visibleActions(caller, actions, false);

    // Assess
    expect(visible.map((each) => each.id)).toEqual(['a1', 'a3']);
  });

  it('keeps every action for a reader who sees everything', () => {
    // Prepare
    const caller = callerFor(staffOf.unrelatedTeacher);

    // Act
    const visible = visibleActions(caller, actions, true);

    // Assess
    expect(visible.map((each) => each.id)).toEqual(['a1', 'a2', 'a3']);
  });
});
