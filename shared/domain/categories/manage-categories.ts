import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { Category } from './category';
import type { CategoryChange, NewCategory } from '../../schemas/categories-admin';
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors/lantern-error';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';

/**
 * Administrators shape the category tree. Two rules hold whatever they choose: DSLs can
 * always see every category (they hold full access, seed 003 section 3), and ids never
 * change, because incidents refer to them.
 */
export async function createCategory(deps: Pick<Deps, 'categories' | 'clock' | 'ids'>, caller: StaffCaller, input: NewCategory, origin: RequestOrigin) {
  const catalogue = await deps.categories.list();
  if (catalogue.some((category) => category.id === input.id)) throw new ConflictError(`There is already a category "${input.id}".`);
  const category: Category = {
    ...input,
    appliedBy: [...new Set(input.appliedBy)],
    visibleTo: withDsl(input.visibleTo),
    order: Math.max(0, ...catalogue.map((existing) => existing.order)) + 1,
  };
  assertUniqueIds(category);
  await deps.categories.save(category, auditEvent(deps, caller, origin, { action: 'category.create', recordType: 'category', recordId: category.id }));
  return category;
}

export async function changeCategory(deps: Pick<Deps, 'categories' | 'clock' | 'ids'>, caller: StaffCaller, categoryId: string, change: CategoryChange, origin: RequestOrigin) {
  const catalogue = await deps.categories.list();
  const current = catalogue.find((category) => category.id === categoryId);
  if (!current) throw new NotFoundError('No such category.');
  const updated: Category = {
    ...current,
    ...change,
    ...(change.appliedBy ? { appliedBy: [...new Set(change.appliedBy)] } : {}),
    ...(change.visibleTo ? { visibleTo: withDsl(change.visibleTo) } : {}),
  };
  assertUniqueIds(updated);
  await deps.categories.save(updated, auditEvent(deps, caller, origin, { action: 'category.update', recordType: 'category', recordId: categoryId }));
  return updated;
}

function withDsl(groups: readonly Category['visibleTo'][number][]) {
  return [...new Set(['dsl' as const, ...groups])];
}

function assertUniqueIds(category: Category) {
  const duplicate = (ids: string[]) => ids.find((id, index) => ids.indexOf(id) !== index);
  const sub = duplicate(category.subCategories.map((entry) => entry.id));
  if (sub) throw new UnprocessableError(`Sub-category "${sub}" appears twice.`, 'subCategories');
  const field = duplicate(category.fields.map((entry) => entry.id));
  if (field) throw new UnprocessableError(`Field "${field}" appears twice.`, 'fields');
}
