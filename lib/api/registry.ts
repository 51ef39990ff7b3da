import type { ApiOperation } from "./operation";
import { WORKSHOP_OPERATIONS } from "./operations/workshops";
import { THEME_OPERATIONS } from "./operations/themes";
import { LESSON_OPERATIONS } from "./operations/lessons";
import { ANNOTATION_OPERATIONS } from "./operations/annotations";
import { SOURCE_OPERATIONS } from "./operations/sources";
import { NOTE_OPERATIONS } from "./operations/notes";
import { SEARCH_AND_REVIEW_OPERATIONS } from "./operations/search-review";
import { EXPORT_OPERATIONS } from "./operations/exports";

/**
 * Every operation of the JSON API. A new route registers itself with one `operation(...)` line in
 * the list of its domain (lib/api/operations/); test/api/openapi.test.ts fails, naming the route,
 * until it does.
 */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...WORKSHOP_OPERATIONS,
  ...SOURCE_OPERATIONS,
  ...ANNOTATION_OPERATIONS,
  ...THEME_OPERATIONS,
  ...LESSON_OPERATIONS,
  ...NOTE_OPERATIONS,
  ...SEARCH_AND_REVIEW_OPERATIONS,
  ...EXPORT_OPERATIONS,
];

/** Route files under app/api that are not JSON API operations, and why. */
export const ROUTES_NOT_IN_THE_API: Readonly<Record<string, string>> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own sign-in, callback and session endpoints for the browser (cookies, redirects), not a JSON API.",
  "app/api/demo/sign-in/route.ts": "Signs a browser into the demo workshop with a cookie; off unless the demo is enabled.",
};
