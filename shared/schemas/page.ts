import * as z from 'zod/mini';

/** The signed cursor a page answered with, sent back for the next page. */
export const pageCursor = z.optional(z.string().check(z.maxLength(2000)));

/** A page of a list: at most 100 (25 unless asked), from where the last page stopped. */
export const pageFields = {
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: pageCursor,
};
