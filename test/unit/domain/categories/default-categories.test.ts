import { describe, expect, it } from 'vitest';
import { defaultCategories } from '../../../../shared/domain/categories/default-categories';
import type { Category, CategoryField } from '../../../../shared/domain/categories/category';

const named = (name: string): Category => {
  const category = defaultCategories.find((candidate) => candidate.name === name);
  if (!category) throw new Error(`No default category named ${name}`);
  return category;
};
const field = (category: Category, label: string): CategoryField => {
  const found = category.fields.find((candidate) => candidate.label === label);
  if (!found) throw new Error(`${category.name} has no field ${label}`);
  return found;
};
const subCategoryNames = (name: string) => named(name).subCategories.map((subCategory) => subCategory.name);

describe('default categories', () => {
  it('are the categories the issue asks for, in the school’s order', () => {
    // Prepare
    const expected = [
      'Attendance',
      'Behaviour',
      'Behaviour Intervention',
      'Bereavement',
      'Bullying',
      "Child's view",
      'Safeguarding',
      'Contact',
      'Meetings',
      'First aid',
      'Home Visit',
      'Health',
      'Feeding Concern',
      'Low Level Physical Intervention',
      'Physical Intervention',
      'Well-being',
      'Prejudicial',
      'Child Protection',
      'Child in Need',
      // Issue 16: police notifications are recorded here.
      'Operation Encompass',
    ];

    // Act
    const names = [...defaultCategories].sort((left, right) => left.order - right.order).map((category) => category.name);

    // Assess
    expect(names).toEqual(expected);
  });

  it('have unique ids and orders, and start active', () => {
    // Prepare
    const ids = defaultCategories.map((category) => category.id);

    // Act
    const orders = defaultCategories.map((category) => category.order);

    // Assess
    expect(new Set(ids).size).toBe(defaultCategories.length);
    expect(new Set(orders).size).toBe(defaultCategories.length);
    expect(ids.every((id) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toBe(true);
    expect(defaultCategories.every((category) => category.active)).toBe(true);
  });

  it('each give staff guidance on when to use them', () => {
    // Prepare
    const guidance = defaultCategories.map((category) => [category.name, category.guidance.trim()] as const);

    // Act
    const withoutGuidance = guidance.filter(([, text]) => text.length < 20).map(([name]) => name);

    // Assess
    expect(withoutGuidance).toEqual([]);
  });

  it('have unique sub-category and field ids within each category', () => {
    // Prepare
    const categories = [...defaultCategories];

    // Act
    const duplicated = categories.filter(
      (category) =>
        new Set(category.subCategories.map((subCategory) => subCategory.id)).size !== category.subCategories.length ||
        new Set(category.fields.map((each) => each.id)).size !== category.fields.length,
    );

    // Assess
    expect(duplicated).toEqual([]);
  });

  it('give Behaviour the sub-categories of seed 001', () => {
    // Prepare
    const seed001 = ['Physical harm pupil', 'Physical harm adult', 'Verbal abuse adult', 'Verbal abuse pupil', 'Damage', 'Persistent', 'Defiance', 'Disruption', 'Other'];

    // Act
    const names = subCategoryNames('Behaviour');

    // Assess
    expect(names).toEqual(seed001);
  });

  it('give Behaviour multi-select de-escalation strategies and the outcomes of seed 001', () => {
    // Prepare: seed 001's outcomes, with its typos ("to and adult") tidied.
    const seed001Outcomes = [
      'Someone suffered verbal harm',
      'Someone suffered physical harm',
      'A Positive Handling Intervention was required',
      'First Aid administered to an adult',
      'First Aid administered to a child',
      'Aggressive incident',
      'Accidental harm',
      'Someone was hurt (near miss)',
    ];
    const behaviour = named('Behaviour');

    // Act
    const strategies = field(behaviour, 'De-escalation strategies used');
    const outcomes = field(behaviour, 'Outcomes of incident');

    // Assess
    expect(strategies.kind).toBe('multiSelect');
    expect(strategies.kind === 'multiSelect' && strategies.options.length).toBeGreaterThan(3);
    expect(outcomes.kind === 'multiSelect' && outcomes.options).toEqual(seed001Outcomes);
  });

  it('give Bullying the sub-categories of seed 001', () => {
    // Prepare
    const seed001 = [
      /possessions taken or damaged/i,
      /forced into something against their will/i,
      /isolated/i,
      /online bullying/i,
      /spreading rumours/i,
      /physical abuse/i,
      /hand over money/i,
      /^other/i,
    ];

    // Act
    const names = subCategoryNames('Bullying');

    // Assess
    expect(names).toHaveLength(seed001.length);
    for (const [index, pattern] of seed001.entries()) expect(names[index]).toMatch(pattern);
  });

  it('give Bullying a multi-select investigation and free-text further measures', () => {
    // Prepare
    const bullying = named('Bullying');

    // Act
    const investigation = field(bullying, 'Details of investigation');
    const furtherMeasures = field(bullying, 'Further measures taken');

    // Assess
    expect(investigation.kind).toBe('multiSelect');
    expect(investigation.kind === 'multiSelect' && investigation.options.length).toBeGreaterThan(0);
    expect(furtherMeasures.kind).toBe('text');
  });

  it('give Safeguarding and Prejudicial the sub-categories of seed 001', () => {
    // Prepare
    const safeguarding = [
      'Emotional abuse', 'Neglect', 'Sexual abuse', 'Inappropriate use of technology', 'Domestic abuse', /^drug.+alcohol abuse$/i,
      'Self-harm', 'Family breakdown', 'Child sexual exploitation', 'Child criminal exploitation', 'Mental health', 'Physical health',
      'Police involvement', 'Residency issue', 'FGM', 'Physical abuse', 'Other',
    ];
    const prejudicial = ['Race', /^sexual orientation.+homophobic$/i, 'Disability related', 'Ethnicity', 'Religion', 'Gender', 'Derogatory', /^gender re-?assignment$/i, 'Age related'];

    // Act
    const names = { safeguarding: subCategoryNames('Safeguarding'), prejudicial: subCategoryNames('Prejudicial') };

    // Assess
    expect(names.safeguarding).toHaveLength(safeguarding.length);
    for (const [index, expected] of safeguarding.entries()) expect(names.safeguarding[index]).toMatch(typeof expected === 'string' ? new RegExp(`^${expected}$`) : expected);
    expect(names.prejudicial).toHaveLength(prejudicial.length);
    for (const [index, expected] of prejudicial.entries()) expect(names.prejudicial[index]).toMatch(typeof expected === 'string' ? new RegExp(`^${expected}$`) : expected);
  });

  it('ask Physical Intervention for the hold used and how long, both required', () => {
    // Prepare
    const physicalIntervention = named('Physical Intervention');

    // Act
    const kinds = physicalIntervention.fields.map((each) => ({ kind: each.kind, required: each.required }));

    // Assess
    expect(kinds).toEqual([
      { kind: 'text', required: true },
      { kind: 'minutes', required: true },
    ]);
    expect(physicalIntervention.fields[0]!.label).toMatch(/hold/i);
    expect(physicalIntervention.fields[1]!.label).toMatch(/time|duration|minutes/i);
  });

  it('let only DSLs apply Child Protection, Child in Need and Operation Encompass, and anyone apply the rest', () => {
    // Prepare
    // Operation Encompass incidents come from the police (issue 16); only a DSL applies it by hand.
    const dslOnly = ['Child Protection', 'Child in Need', 'Operation Encompass'];

    // Act
    const appliers = defaultCategories.map((category) => [category.name, [...category.appliedBy].sort()] as const);

    // Assess
    for (const [name, groups] of appliers) {
      if (dslOnly.includes(name)) expect(groups, name).toEqual(['dsl']);
      else expect(groups, name).toEqual(['admin', 'dsl', 'slt', 'staff']);
    }
  });

  it('open exactly Behaviour, Behaviour Intervention, Bullying, Attendance, Prejudicial, First aid and Health to SLT', () => {
    // Prepare
    const expected = ['Attendance', 'Behaviour', 'Behaviour Intervention', 'Bullying', 'First aid', 'Health', 'Prejudicial'];

    // Act
    const visibleToSlt = defaultCategories.filter((category) => category.visibleTo.includes('slt')).map((category) => category.name);

    // Assess
    expect([...visibleToSlt].sort()).toEqual(expected);
  });

  it('keep every category visible to the DSLs', () => {
    // Prepare
    const categories = [...defaultCategories];

    // Act
    const hiddenFromDsl = categories.filter((category) => !category.visibleTo.includes('dsl')).map((category) => category.name);

    // Assess
    expect(hiddenFromDsl).toEqual([]);
  });
});
