import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod/mini, unlike classic zod, loads no locale: English messages ("Too big: expected
 * string to have <=100 characters") only once this module has run. Every module that
 * parses (request validation, event details, configuration) imports it. The English
 * locale alone, by its own path: `z.locales` would bundle all of them (about 250 KiB).
 */
z.config(en());
