import { describe, expect, it } from 'vitest';
import { changeCategory, createCategory } from '../../../../shared/domain/categories/manage-categories';
import { ConflictError, ElevationRequiredError, ForbiddenError, NotFoundError, UnprocessableError } from '../../../../shared/errors/lantern-error';
import { throughRefusalSeam } from '../../support/refusal-seam';
import { CategoryChange, NewCategory } from '../../../../shared/schemas/categories-admin';
import { defaultCategories } from '../../../../shared/domain/categories/default-categories';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, requestOrigin, staffOf } from '../../support/school-cast';

const admin = callerFor(staffOf.officeManager);
const elevatedLead = callerFor(staffOf.designatedLead, { elevated: true });

const onlineSafety = (overrides: Record<string, unknown> = {}) =>
  NewCategory.parse({
    id: 'online-safety',
    name: 'Online safety',
    guidance: 'When a child has met something harmful online.',
    subCategories: [{ id: 'gaming', name: 'Gaming' }, { id: 'social-media', name: 'Social media' }],
    appliedBy: ['staff', 'staff'],
    visibleTo: ['slt'],
    ...overrides,
  });

describe('createCategory', () => {
  it('adds the category after the last one, always visible to DSLs, and audits it', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const category = await createCategory(deps, elevatedLead, onlineSafety(), requestOrigin);

    // Assess
    expect(category).toMatchObject({ id: 'online-safety', appliedBy: ['staff'], visibleTo: ['dsl', 'slt'], active: true, fields: [], order: defaultCategories.length + 1 });
    expect((await deps.categories.list()).at(-1)).toEqual(category);
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        action: 'category.create',
        recordType: 'category',
        recordId: 'online-safety',
        detail: expect.objectContaining({ appliedByBefore: '', appliedByAfter: 'staff', visibleToBefore: '', visibleToAfter: 'dsl,slt' }),
      }),
    ]);
  });

  it('lets an administrator add a closed category (DSLs apply and view it), and refuses them one open to others', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const closed = await createCategory(deps, admin, onlineSafety({ appliedBy: ['dsl'], visibleTo: ['dsl'] }), requestOrigin);
    const open = throughRefusalSeam(deps, admin, createCategory(deps, admin, onlineSafety({ id: 'online-bullying' }), requestOrigin));

    // Assess
    expect(closed).toMatchObject({ appliedBy: ['dsl'], visibleTo: ['dsl'] });
    await expect(open).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.categories.categories.some((category) => category.id === 'online-bullying')).toBe(false);
    expect(deps.audit.events.map((event) => `${event.action} ${event.outcome}`)).toEqual(['category.create allowed', 'category.create refused']);
  });

  it('refuses an id already in use with a 409', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const attempt = createCategory(deps, admin, onlineSafety({ id: 'behaviour' }), requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(deps.categories.categories.find((category) => category.id === 'behaviour')!.name).toBe('Behaviour');
  });

  it('refuses the same sub-category id twice with a 422, saving nothing', async () => {
    // Prepare
    const deps = schoolDeps();
    const input = onlineSafety({ subCategories: [{ id: 'gaming', name: 'Gaming' }, { id: 'gaming', name: 'Online games' }] });

    // Act
    const attempt = createCategory(deps, admin, input, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(UnprocessableError);
    await expect(attempt).rejects.toMatchObject({ field: 'subCategories' });
    expect(deps.categories.categories).toHaveLength(defaultCategories.length);
    expect(deps.audit.events).toEqual([]);
  });

  it('refuses the same field id twice with a 422', async () => {
    // Prepare
    const deps = schoolDeps();
    const field = { id: 'platform', label: 'Platform', kind: 'text' };
    const input = onlineSafety({ fields: [field, { ...field, label: 'App' }] });

    // Act
    const attempt = createCategory(deps, admin, input, requestOrigin);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'unprocessable', field: 'fields' });
  });
});

describe('changeCategory', () => {
  it('changes what was sent, keeps the id, and adds dsl to who may view it', async () => {
    // Prepare
    const deps = schoolDeps();
    const change = CategoryChange.parse({ guidance: 'Medical updates and illness.', visibleTo: ['slt'] });

    // Act
    const category = await changeCategory(deps, admin, 'health', change, requestOrigin);

    // Assess
    expect(category).toMatchObject({ id: 'health', name: 'Health', guidance: 'Medical updates and illness.', visibleTo: ['dsl', 'slt'] });
    expect(deps.categories.categories.find((each) => each.id === 'health')).toEqual(category);
    expect(deps.audit.events).toEqual([expect.objectContaining({ action: 'category.update', recordId: 'health' })]);
  });

  it.each([
    ['opening Safeguarding to SLT', { visibleTo: ['dsl', 'slt'] }],
    ['letting staff apply Child Protection', { appliedBy: ['staff', 'dsl'] }],
    ['closing Safeguarding', { active: false }],
  ])('refuses an administrator %s, changing nothing, and lets an elevated DSL', async (_case, body) => {
    // Prepare
    const deps = schoolDeps();
    const categoryId = 'appliedBy' in body ? 'child-protection' : 'safeguarding';
    const before = deps.categories.categories.find((category) => category.id === categoryId);
    const change = CategoryChange.parse(body);

    // Act
    const byAdmin = throughRefusalSeam(deps, admin, changeCategory(deps, admin, categoryId, change, requestOrigin));
    await expect(byAdmin).rejects.toBeInstanceOf(ForbiddenError);
    const unchanged = deps.categories.categories.find((category) => category.id === categoryId);
    const byLead = await changeCategory(deps, elevatedLead, categoryId, change, requestOrigin);

    // Assess
    expect(unchanged).toEqual(before);
    expect(byLead).toMatchObject(change);
    expect(deps.audit.events.map((event) => `${event.action} ${event.outcome}`)).toEqual(['category.update refused', 'category.update allowed']);
  });

  it('asks a DSL who has not stepped up to elevate before changing who views a category', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const attempt = changeCategory(deps, callerFor(staffOf.designatedLead), 'safeguarding', CategoryChange.parse({ visibleTo: ['dsl', 'slt'] }), requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ElevationRequiredError);
  });

  it('answers 404 for a category that does not exist', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const attempt = changeCategory(deps, admin, 'astrology', { name: 'Astrology' }, requestOrigin);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(deps.audit.events).toEqual([]);
  });

  it('refuses duplicate sub-category ids in a change', async () => {
    // Prepare
    const deps = schoolDeps();
    const change = CategoryChange.parse({ subCategories: [{ id: 'damage', name: 'Damage' }, { id: 'damage', name: 'Property damage' }] });

    // Act
    const attempt = changeCategory(deps, admin, 'behaviour', change, requestOrigin);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'unprocessable', field: 'subCategories' });
    expect(deps.categories.categories.find((each) => each.id === 'behaviour')!.subCategories).toHaveLength(9);
  });
});
