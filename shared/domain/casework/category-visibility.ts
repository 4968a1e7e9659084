import type { Category } from '../categories/category';
import type { StaffCaller } from '../identity/caller';
import { opensEveryCategory } from '../permissions';
import { categoryViewersIn } from '../incidents/relationships';

/**
 * Which categories an elevated reader may see, by the permission table's rule for one
 * incident (permissions.opensEveryCategory, as elevatedViewer applies it): an entry of a list,
 * a pupil's file, a chronology or a report shows only if EVERY category on it is open to them.
 */
export function categoryVisibility(caller: StaffCaller, catalogue: readonly Category[]) {
  const viewersOf = categoryViewersIn(catalogue);
  return {
    mayView: (categoryId: string) => opensEveryCategory(caller, [viewersOf(categoryId)]),
    mayViewAll: (categoryIds: readonly string[]) => opensEveryCategory(caller, categoryIds.map(viewersOf)),
  };
}
