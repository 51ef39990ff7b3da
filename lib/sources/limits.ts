/**
 * Limits of a source's citation shared by the server's schemas and the browser's form. Kept
 * apart from lib/sources/schemas.ts so that the browser gets them without zod.
 */
export const SOURCE_TITLE_MAX = 300;
