import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import type { Category } from './category';
import type { CategoryChange, NewCategory } from '../../schemas/categories-admin';
import { ConflictError, UnprocessableError } from '../../errors/lantern-error';
import { auditEvent, foundAbout, refusingAbout, type AuditSubject, type RequestOrigin } from '../audit/audit-context';
import { assertMayChangeCategoryRules, type CategoryRules } from '../permissions';

/**
 * Administrators shape the category tree: names, guidance, sub-categories and extra fields.
 * Who views or applies a category, and whether it can be chosen, is an elevated DSL's
 * decision (`assertMayChangeCategoryRules`), audited with the rules before and after. Two
 * rules hold whatever anyone chooses: DSLs can always see every category (they hold full
 * access, seed 003 section 3), and ids never change, because incidents refer to them.
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
  const subject = { action: 'category.create', recordType: 'category', recordId: category.id, detail: rulesChange(undefined, category) } satisfies AuditSubject;
  refusingAbout(subject, () => assertMayChangeCategoryRules(caller, { after: category }));
  await deps.categories.save(category, auditEvent(deps, caller, origin, subject));
  return category;
}

export async function changeCategory(deps: Pick<Deps, 'categories' | 'clock' | 'ids'>, caller: StaffCaller, categoryId: string, change: CategoryChange, origin: RequestOrigin) {
  const catalogue = await deps.categories.list();
  const current = foundAbout(
    { action: 'category.update', recordType: 'category', recordId: categoryId },
    catalogue.find((category) => category.id === categoryId),
    'No such category.',
  );
  const updated: Category = {
    ...current,
    ...change,
    ...(change.appliedBy ? { appliedBy: [...new Set(change.appliedBy)] } : {}),
    ...(change.visibleTo ? { visibleTo: withDsl(change.visibleTo) } : {}),
  };
  assertUniqueIds(updated);
  const subject = { action: 'category.update', recordType: 'category', recordId: categoryId, detail: rulesChange(current, updated) } satisfies AuditSubject;
  refusingAbout(subject, () => assertMayChangeCategoryRules(caller, { before: current, after: updated }));
  await deps.categories.save(updated, auditEvent(deps, caller, origin, subject));
  return updated;
}

/** The rules before and after, and which other parts changed, for the audit trail. */
function rulesChange(before: Category | undefined, after: Category): Record<string, string> {
  const rules = (category: CategoryRules | undefined) => ({
    appliedBy: category ? category.appliedBy.join(',') : '',
    visibleTo: category ? category.visibleTo.join(',') : '',
    active: category ? String(category.active) : '',
  });
  const edited = (['name', 'guidance', 'subCategories', 'fields'] as const).filter((part) => before && JSON.stringify(before[part]) !== JSON.stringify(after[part]));
  const [was, is] = [rules(before), rules(after)];
  return {
    appliedByBefore: was.appliedBy,
    appliedByAfter: is.appliedBy,
    visibleToBefore: was.visibleTo,
    visibleToAfter: is.visibleTo,
    activeBefore: was.active,
    activeAfter: is.active,
    ...(edited.length > 0 ? { edited: edited.join(',') } : {}),
    ...(before && before.name !== after.name ? { nameBefore: before.name, nameAfter: after.name } : {}),
  };
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
