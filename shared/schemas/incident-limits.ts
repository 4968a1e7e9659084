/**
 * The one source of an incident's limits: the request schemas, the category questions an
 * administrator may define and the domain's size check all read these, so a category's text
 * question can never ask for more than an answer may hold.
 *
 * An incident is one DynamoDB item (400 KB at most, counted in UTF-8 bytes, up to 3 a
 * character here). Each field is bounded, but ten categories of ten long questions could
 * still pass that, so the incident as a whole has a byte budget too, well under the item
 * limit; `test/unit/adapters/incident-item-size.test.ts` measures the worst case.
 */
export const DESCRIPTION_MAX_CHARS = 20_000;
export const CATEGORIES_MAX = 10;
export const SUB_CATEGORIES_MAX = 30;
/** Questions a category may ask, and so answers one category choice may give. */
export const CATEGORY_FIELDS_MAX = 10;
export const FIELD_ID_MAX_CHARS = 60;
/** The longest text question a category may define is the longest text answer accepted. */
export const TEXT_ANSWER_MAX_CHARS = 20_000;
export const TEXT_ANSWER_DEFAULT_CHARS = 4_000;
export const CHOICE_OPTIONS_MAX = 50;
export const CHOICE_OPTION_MAX_CHARS = 200;
/** A day, the longest a "minutes" question may ask about. */
export const MINUTES_MAX = 1_440;
export const MINUTES_DEFAULT_MAX = 240;
export const BODY_MAP_MARKS_MAX = 50;
export const BODY_MAP_DESCRIPTION_MAX_CHARS = 1_000;
/**
 * Body-map positions are fractions of the drawing's width and height. Finer than a
 * millionth means nothing on any screen, and DynamoDB cannot store numbers below 1e-130.
 */
export const BODY_MAP_SMALLEST_FRACTION = 1e-6;
/** The UTF-8 bytes of the recorded incident as JSON; DynamoDB's item limit is 409,600. */
export const INCIDENT_MAX_BYTES = 350_000;
