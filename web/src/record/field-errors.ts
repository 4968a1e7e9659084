import type { FieldIssue } from '../api/api-error';

/**
 * Where an API issue is shown: the form control its `field` names (the API's paths, such as
 * `occurredAt` or `bodyMap.1.description`), or the summary only when no control matches.
 * Ids are those of the record-a-concern form's controls.
 */
export function controlIdFor(field: string, categoryIdAt: (index: number) => string | undefined = () => undefined): string | undefined {
  const parts = field.split('.');
  const [head, index, rest] = [parts[0] ?? '', parts[1], parts.slice(2).join('.')];
  switch (head) {
    case 'studentId':
      return 'pupil';
    case 'occurredAt':
      return 'occurredAt';
    case 'description':
      return 'description';
    case 'location':
      return 'location';
    case 'categories': {
      const categoryId = index !== undefined && /^\d+$/.test(index) ? categoryIdAt(Number(index)) : undefined;
      if (categoryId && rest.startsWith('fields.')) return `category-${categoryId}-field-${rest.slice('fields.'.length)}`;
      return 'categories';
    }
    case 'linkedStudents':
      return index !== undefined && /^\d+$/.test(index) ? `linked-${index}` : 'linked';
    case 'bodyMap':
      return index !== undefined && /^\d+$/.test(index) ? `mark-${index}-description` : 'bodymap';
    case 'reminder':
      return index === 'note' ? 'reminderNote' : 'reminderAt';
    case 'alert':
      return 'alert';
    case 'assignedTo':
      return 'assigned';
    case 'agencies':
      return 'agencies';
    case 'fileIds':
      return 'files';
    default:
      return undefined;
  }
}

/** Issues grouped by control id; those that name no control are kept for the summary. */
export function issuesByControl(issues: readonly FieldIssue[], categoryIdAt?: (index: number) => string | undefined): { byControl: Map<string, string[]>; unplaced: string[] } {
  const byControl = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const controlId = controlIdFor(issue.field, categoryIdAt);
    if (!controlId) {
      unplaced.push(issue.message);
      continue;
    }
    byControl.set(controlId, [...(byControl.get(controlId) ?? []), issue.message]);
  }
  return { byControl, unplaced };
}
