/**
 * The finder's input, which the page's skip link (a server component) and the adjusting
 * shortcuts know by id. Here rather than in FindPassage.tsx: a client module's exports reach a
 * server component as references, not values.
 */
export const FIND_PASSAGE_INPUT_ID = "find-passage";
