import type { Group } from '../identity/groups';

export interface SubCategory {
  readonly id: string;
  readonly name: string;
}

/** An extra question a category asks (seed 001: Behaviour's drop-downs, Bullying's boxes). */
export type CategoryField =
  | { readonly id: string; readonly label: string; readonly kind: 'multiSelect'; readonly options: readonly string[]; readonly required: boolean }
  | { readonly id: string; readonly label: string; readonly kind: 'text'; readonly maxLength: number; readonly required: boolean }
  | { readonly id: string; readonly label: string; readonly kind: 'minutes'; readonly max: number; readonly required: boolean };

export interface Category {
  readonly id: string;
  readonly name: string;
  /** "When to use", in the school's words (seed 000). */
  readonly guidance: string;
  readonly subCategories: readonly SubCategory[];
  readonly fields: readonly CategoryField[];
  /** Groups whose members may put this category on an incident. */
  readonly appliedBy: readonly Group[];
  /** Groups that may see incidents in this category once elevated. */
  readonly visibleTo: readonly Group[];
  readonly active: boolean;
  readonly order: number;
}
