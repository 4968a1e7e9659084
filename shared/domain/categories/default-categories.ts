import type { Category, CategoryField, SubCategory } from './category';
import type { Group } from '../identity/groups';

/**
 * The categories a new school starts with, from the school documents in seeds 000
 * (category guide: "when to use") and 001 (sub-categories and Behaviour/Bullying
 * drop-downs). Admins can change them later; these are only the defaults.
 */
const everyone: readonly Group[] = ['staff', 'slt', 'dsl', 'admin'];
const dslOnly: readonly Group[] = ['dsl'];
const dslAndSlt: readonly Group[] = ['dsl', 'slt'];

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const subCategories = (...names: string[]): SubCategory[] => names.map((name) => ({ id: slug(name), name }));

/**
 * Seed 001 asks staff to select "ALL the strategies that you used" without printing the
 * list; these are the Team Teach de-escalation strategies named in seeds 000 and 002
 * (distraction, change of face, firm direction, withdrawal) and their usual companions.
 */
const deEscalationStrategies = [
  'Calm talking and reassurance',
  'Distraction',
  'Change of face',
  'Firm direction',
  'Offered choices',
  'Take-up time',
  'Planned ignoring',
  'Opportunity for withdrawal',
  'Success reminder',
  'Humour',
  'Moved other children away',
];

const behaviourOutcomes = [
  'Someone suffered verbal harm',
  'Someone suffered physical harm',
  'A Positive Handling Intervention was required',
  'First Aid administered to an adult',
  'First Aid administered to a child',
  'Aggressive incident',
  'Accidental harm',
  'Someone was hurt (near miss)',
];

/** Seed 001: "Details of investigation: select all that apply" (list not printed there). */
const bullyingInvestigation = [
  'Child spoken to',
  'Alleged perpetrator spoken to',
  'Witnesses spoken to',
  'Written accounts taken',
  'Online or other evidence reviewed',
  'Parents or carers of the child informed',
  'Parents or carers of the alleged perpetrator informed',
];

const behaviourFields: CategoryField[] = [
  { id: 'de-escalation-strategies', label: 'De-escalation strategies used', kind: 'multiSelect', options: deEscalationStrategies, required: false },
  { id: 'outcomes', label: 'Outcomes of incident', kind: 'multiSelect', options: behaviourOutcomes, required: false },
];

const bullyingFields: CategoryField[] = [
  { id: 'investigation', label: 'Details of investigation', kind: 'multiSelect', options: bullyingInvestigation, required: false },
  { id: 'further-measures', label: 'Further measures taken', kind: 'text', maxLength: 4000, required: false },
];

const physicalInterventionFields: CategoryField[] = [
  { id: 'hold-used', label: 'Hold used', kind: 'text', maxLength: 500, required: true },
  { id: 'duration-minutes', label: 'Length of time in the hold (minutes)', kind: 'minutes', max: 240, required: true },
];

interface Draft {
  name: string;
  guidance: string;
  subCategories?: SubCategory[];
  fields?: CategoryField[];
  appliedBy?: readonly Group[];
  visibleTo?: readonly Group[];
}

const drafts: Draft[] = [
  { name: 'Attendance', guidance: "To be used when adding an incident regarding a child's attendance at school.", visibleTo: dslAndSlt },
  {
    name: 'Behaviour',
    guidance:
      'To be used when a child has had a behavioural incident in school. Reports about behaviour incidents at home should be tagged as Contact. Do not use the Safeguarding category unless there is a safeguarding concern with the behaviour incident too.',
    subCategories: subCategories('Physical harm pupil', 'Physical harm adult', 'Verbal abuse adult', 'Verbal abuse pupil', 'Damage', 'Persistent', 'Defiance', 'Disruption', 'Other'),
    fields: behaviourFields,
    visibleTo: dslAndSlt,
  },
  {
    name: 'Behaviour Intervention',
    guidance: 'When a child has needed support to regulate using strategies, for example distraction or change of face.',
    visibleTo: dslAndSlt,
  },
  { name: 'Bereavement', guidance: 'To be used when there has been a family death.' },
  {
    name: 'Bullying',
    guidance: 'To be used when a child has experienced bullying. Choose every sub-category that applies and record the investigation and further measures.',
    subCategories: subCategories(
      'Having personal possessions taken or damaged',
      'Being forced into something against their will',
      'Being isolated (including being ignored or left out)',
      'Experiencing online bullying (including text, emails, social media)',
      'Others spreading rumours or nasty notes',
      'Experiencing physical abuse',
      'Being forced to hand over money',
      'Other',
    ),
    fields: bullyingFields,
    visibleTo: dslAndSlt,
  },
  {
    name: "Child's view",
    guidance:
      "If a child voices their thoughts and it needs to be recorded, negative or positive. This can include their response to being directly involved in an incident.",
  },
  {
    name: 'Safeguarding',
    guidance:
      "To be used when there is a safeguarding concern regarding a child. DSLs will edit if this is a continuing or new concern. NOT to be used for a new behaviour concern, health or first aid.",
    subCategories: subCategories(
      'Emotional abuse',
      'Neglect',
      'Sexual abuse',
      'Inappropriate use of technology',
      'Domestic abuse',
      'Drug or alcohol abuse',
      'Self-harm',
      'Family breakdown',
      'Child sexual exploitation',
      'Child criminal exploitation',
      'Mental health',
      'Physical health',
      'Police involvement',
      'Residency issue',
      'FGM',
      'Physical abuse',
      'Other',
    ),
  },
  {
    name: 'Contact',
    guidance:
      'To be used to document important information discussed about the child or family, for example a family bereavement, a change in home circumstances, needing support or struggling emotionally. Not to be used to document every contact: use your professional judgement.',
  },
  {
    name: 'Meetings',
    guidance: 'To be used when you have had a meeting face to face or online. Choose a sub-category that suits the meeting purpose.',
    subCategories: subCategories('Parent or carer meeting', 'Multi-agency meeting', 'Child protection conference', 'Core group', 'Child in need meeting', 'Team around the family', 'Review meeting', 'Other'),
  },
  {
    name: 'First aid',
    guidance: 'To be used when a child has had an accident needing first aid (cold compress, cleaned area, plaster and so on).',
    visibleTo: dslAndSlt,
  },
  { name: 'Home Visit', guidance: "To be used when you have gone to a child's home." },
  { name: 'Health', guidance: 'To be used when there is a health or medical update, an illness and so on.', visibleTo: dslAndSlt },
  {
    name: 'Feeding Concern',
    guidance: "To be used when you have a concern regarding a child's oral eating, gastrostomy or nasal feed.",
  },
  {
    name: 'Low Level Physical Intervention',
    guidance:
      'When a child has had a Team Teach low level physical intervention for behaviour management, for example a guide, stance and body positioning, or release from a hair pull.',
  },
  {
    name: 'Physical Intervention',
    guidance:
      'When a child has had a Team Teach physical intervention for behaviour management, for example holds that are restrictive to a child, small person hold, double elbow, figure of 4. Record the hold you used and the length of time the child was in the hold.',
    fields: physicalInterventionFields,
  },
  {
    name: 'Well-being',
    guidance:
      'When this is not a safeguarding concern but is an important piece of information to record, for example lunch not brought, inappropriate clothing for the weather, out of date food, parent-child interactions observed. Depending on how often it happens, this can escalate to a safeguarding concern. NOT to be used instead of First aid.',
  },
  {
    name: 'Prejudicial',
    guidance: 'To be used when an incident is motivated by prejudice. Choose the kind of prejudice.',
    subCategories: subCategories('Race', 'Sexual orientation or homophobic', 'Disability related', 'Ethnicity', 'Religion', 'Gender', 'Derogatory', 'Gender reassignment', 'Age related'),
    visibleTo: dslAndSlt,
  },
  {
    name: 'Child Protection',
    guidance: 'Allocated by the safeguarding leads only (seed 003: do not choose Child Protection as a category yourself).',
    appliedBy: dslOnly,
  },
  {
    name: 'Child in Need',
    guidance: 'Allocated by the safeguarding leads only (seed 003: do not choose Child in Need as a category yourself).',
    appliedBy: dslOnly,
  },
  {
    name: 'Operation Encompass',
    guidance:
      "A police notification that the child was involved in, or present at, a domestic abuse incident (Operation Encompass). Recorded by Lantern when the police send it; the DSL decides the support the child needs the next school day.",
    appliedBy: dslOnly,
  },
];

/** The category Lantern records police Operation Encompass notifications in. */
export const OPERATION_ENCOMPASS_CATEGORY_ID = 'operation-encompass';

export const defaultCategories: readonly Category[] = drafts.map((draft, index) => ({
  id: slug(draft.name),
  name: draft.name,
  guidance: draft.guidance,
  subCategories: draft.subCategories ?? [],
  fields: draft.fields ?? [],
  appliedBy: draft.appliedBy ?? everyone,
  visibleTo: draft.visibleTo ?? dslOnly,
  active: true,
  order: index + 1,
}));
