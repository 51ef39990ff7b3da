/**
 * The search's query from an address's parameters (the JSON route, the results page): the known
 * keys only, and an empty filter (a form's "any") left out. `q` is kept as given, so an empty or
 * missing query is refused by the schema with a message rather than ignored.
 */
export function searchQueryFromParams(get: (name: string) => string | null | undefined): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of ["q", "kind", "themeId", "sourceId"] as const) {
    const value = get(name);
    if (typeof value === "string" && (name === "q" || value !== "")) query[name] = value;
  }
  return query;
}
