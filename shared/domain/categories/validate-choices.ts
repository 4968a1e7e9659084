import type { Category, CategoryField } from './category';
import type { StaffCaller } from '../identity/caller';
import type { IncidentCategory } from '../incidents/incident';
import { ForbiddenError, UnprocessableError } from '../../errors/lantern-error';

export interface CategoryChoiceInput {
  readonly categoryId: string;
  readonly subCategoryIds: readonly string[];
  readonly fields: Readonly<Record<string, string | number | readonly string[]>>;
}

/**
 * Checks each chosen category against the school's tree: it exists and is in use, the
 * caller may apply it (only DSLs apply Child Protection / Child in Need), its
 * sub-categories belong to it and its extra fields answer its questions.
 */
export function validateCategoryChoices(
  caller: StaffCaller,
  choices: readonly CategoryChoiceInput[],
  catalogue: readonly Category[],
): { choices: IncidentCategory[]; categories: Category[] } {
  const byId = new Map(catalogue.map((category) => [category.id, category]));
  const seen = new Set<string>();
  const categories: Category[] = [];
  const validated = choices.map((choice, index) => {
    const at = `categories.${index}`;
    const category = byId.get(choice.categoryId);
    if (!category?.active) throw new UnprocessableError(`There is no category "${choice.categoryId}" at this school.`, `${at}.categoryId`);
    if (seen.has(category.id)) throw new UnprocessableError(`${category.name} is chosen twice.`, `${at}.categoryId`);
    seen.add(category.id);
    if (!caller.groups.some((group) => category.appliedBy.includes(group))) {
      throw new ForbiddenError(`Only a safeguarding lead may apply ${category.name}. Choose Safeguarding and alert a DSL.`);
    }
    const subCategoryIds = [...new Set(choice.subCategoryIds)];
    subCategoryIds.forEach((subCategoryId, subIndex) => {
      if (!category.subCategories.some((sub) => sub.id === subCategoryId)) {
        throw new UnprocessableError(`${category.name} has no sub-category "${subCategoryId}".`, `${at}.subCategoryIds.${subIndex}`);
      }
    });
    const fields = validateFields(category, choice.fields, `${at}.fields`);
    categories.push(category);
    return { categoryId: category.id, subCategoryIds, fields };
  });
  return { choices: validated, categories };
}

function validateFields(category: Category, answers: CategoryChoiceInput['fields'], at: string) {
  const questions = new Map(category.fields.map((field) => [field.id, field]));
  for (const fieldId of Object.keys(answers)) {
    if (!questions.has(fieldId)) throw new UnprocessableError(`${category.name} has no field "${fieldId}".`, `${at}.${fieldId}`);
  }
  const result: Record<string, string | number | readonly string[]> = {};
  for (const field of category.fields) {
    const answer = answers[field.id];
    if (answer === undefined || (Array.isArray(answer) && answer.length === 0) || answer === '') {
      if (field.required) throw new UnprocessableError(`${category.name}: "${field.label}" is required.`, `${at}.${field.id}`);
      continue;
    }
    result[field.id] = validateAnswer(category, field, answer, `${at}.${field.id}`);
  }
  return result;
}

function validateAnswer(category: Category, field: CategoryField, answer: string | number | readonly string[], at: string) {
  const problem = (message: string) => new UnprocessableError(`${category.name}: "${field.label}" ${message}`, at);
  switch (field.kind) {
    case 'multiSelect': {
      if (!Array.isArray(answer)) throw problem('takes a list of choices.');
      const unknown = answer.find((choice) => !field.options.includes(choice));
      if (unknown !== undefined) throw problem(`has no choice "${unknown}".`);
      return [...new Set(answer)];
    }
    case 'text':
      if (typeof answer !== 'string') throw problem('takes text.');
      if (answer.length > field.maxLength) throw problem(`is longer than ${field.maxLength} characters.`);
      return answer.trim();
    case 'minutes':
      if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer > field.max) {
        throw problem(`takes a whole number of minutes from 0 to ${field.max}.`);
      }
      return answer;
  }
}
