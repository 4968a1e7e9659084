import * as z from 'zod';

/** The signed cursor a page answered with, sent back for the next page. */
export const pageCursor = z.string().max(2000).optional();

/** A page of a list: at most 100 (25 unless asked), from where the last page stopped. */
export const pageFields = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: pageCursor,
};
