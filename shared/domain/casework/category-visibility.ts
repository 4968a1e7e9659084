import type { Category } from '../categories/category';
import type { StaffCaller } from '../identity/caller';

/**
 * Which categories an elevated reader may see: those open to one of their groups. A category
 * the catalogue no longer knows is a DSL's alone. An entry shows only if EVERY category on
 * it is open to the reader, as for one incident (permissions.elevatedViewer).
 */
export function categoryVisibility(caller: StaffCaller, catalogue: readonly Category[]) {
  const viewers = new Map(catalogue.map((category) => [category.id, category.visibleTo]));
  const mayView = (categoryId: string) => (viewers.get(categoryId) ?? ['dsl']).some((group) => caller.groups.includes(group));
  return {
    mayView,
    mayViewAll: (categoryIds: readonly string[]) => categoryIds.length > 0 && categoryIds.every(mayView),
  };
}

/** Only DSLs see a pupil's safeguarding flags, key adult and NHS number. */
export const seesSafeguarding = (caller: StaffCaller) => caller.groups.includes('dsl');
