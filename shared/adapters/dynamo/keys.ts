/**
 * Every DynamoDB key Lantern builds, in one place. Never build a key inline in a query.
 */
export const staffProfileKey = (staffId: string) => ({ pk: `STAFF#${staffId}`, sk: 'PROFILE' });

/** Staff directory listing (gsi1): every profile, ordered by surname then forename. */
export const staffDirectoryIndexKey = (surname: string, forename: string, staffId: string) => ({
  gsi1pk: 'STAFF',
  gsi1sk: `${surname.toLowerCase()}#${forename.toLowerCase()}#${staffId}`,
});
export const STAFF_DIRECTORY_PARTITION = 'STAFF';

export const studentKey = (studentId: string) => ({ pk: `STUDENT#${studentId}`, sk: 'PROFILE' });

export const categoryKey = (categoryId: string) => ({ pk: 'CATEGORY', sk: `CATEGORY#${categoryId}` });
export const CATEGORY_PARTITION = 'CATEGORY';
export const CATEGORY_PREFIX = 'CATEGORY#';

export const schoolSettingsKey = () => ({ pk: 'SCHOOL', sk: 'SETTINGS' });

/**
 * Recording search: one token item per name a pupil can be found by (forename and
 * surname), so a single Query on a prefix finds either. Archived pupils have none.
 */
export const STUDENT_SEARCH_PARTITION = 'STUDENT_SEARCH';
export const studentSearchKey = (name: string, studentId: string) => ({
  pk: STUDENT_SEARCH_PARTITION,
  sk: `${name.toLowerCase()}#${studentId}`,
});
