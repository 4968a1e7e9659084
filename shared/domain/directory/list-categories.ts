import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';
import { auditEvent, type RequestOrigin } from '../audit/audit-context';

/** The school's category tree, each marked with whether this caller may apply it. Reading it is audited. */
export async function listCategories(deps: Pick<Deps, 'categories' | 'audit' | 'clock' | 'ids'>, caller: StaffCaller, origin: RequestOrigin) {
  const categories = await deps.categories.list();
  await deps.audit.record(auditEvent(deps, caller, origin, { action: 'category.list', recordType: 'category', recordId: 'catalogue' }));
  return {
    categories: categories
      .filter((category) => category.active)
      .map((category) => ({
        id: category.id,
        name: category.name,
        guidance: category.guidance,
        subCategories: category.subCategories.map((sub) => ({ ...sub })),
        fields: category.fields.map((field) => ({ ...field })),
        appliedBy: [...category.appliedBy],
        visibleTo: [...category.visibleTo],
        mayApply: caller.groups.some((group) => category.appliedBy.includes(group)),
      })),
  };
}
