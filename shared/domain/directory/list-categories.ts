import type { Deps } from '../deps';
import type { StaffCaller } from '../identity/caller';

/** The school's category tree, each marked with whether this caller may apply it. */
export async function listCategories(deps: Pick<Deps, 'categories'>, caller: StaffCaller) {
  const categories = await deps.categories.list();
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
