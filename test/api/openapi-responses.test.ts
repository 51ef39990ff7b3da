/**
 * The reference describes what the server really answers: every GET of the API is called through
 * an organizer's read token on a small workshop, and its answer must parse with the response
 * schema the document was built from. Described shapes are strict, so a presenter that starts
 * sending a field (an author's id, say) fails here until the field is described and reviewed.
 */
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { API_OPERATIONS } from "@/lib/api/registry";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { registerTestDatabase } from "@/test/db";
import { createAnnotationRow, createLessonRow, createMember, createPassage, createProposalRow, createSource, createTheme, createWorkshop, viewerOf } from "@/test/factories";
import { callRoute } from "./token-request";

registerTestDatabase();

// Routes that answer in the person's language read it from the request's cookies and headers,
// which only exist inside Next: here, an English-speaking person without a language cookie.
vi.mock("next/headers", () => ({
  cookies: async () => new Map<string, { value: string }>(),
  headers: async () => new Headers({ "accept-language": "en" }),
}));

const ROOT = path.resolve(__dirname, "../..");

/** /api/workshops/{workshopId}/lessons → <root>/app/api/workshops/[workshopId]/lessons/route.ts */
function routeFileOf(apiPath: string): string {
  return path.join(ROOT, "app", apiPath.replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

let token = "";
let ids: Record<string, string> = {};

beforeAll(async () => {
  const workshop = await createWorkshop({ title: "Responses" });
  const { user: organizer } = await createMember(workshop.id, "ORGANIZER");
  const { user: participant } = await createMember(workshop.id, "PARTICIPANT");
  const source = await createSource(workshop.id, { text: "Peacekeepers need early warning and clear mandates." });
  const theme = await createTheme(workshop.id, "Mandates");
  const passage = await createPassage(source, 0, 12);
  await createAnnotationRow(source, participant.id, { comment: "A remark" });
  const lesson = await createLessonRow(workshop.id, participant.id, [theme.id], "Mandates must be clear");
  const proposal = await createProposalRow(workshop.id, participant.id, { name: "Logistics", reason: "Often raised" });
  ({ secret: token } = await createApiToken({ viewer: viewerOf(organizer), input: { name: "responses", scope: "read" } }));
  ids = { workshopId: workshop.id, sourceId: source.id, themeId: theme.id, passageId: passage.id, lessonId: lesson.id, proposalId: proposal.id };
}, 120_000);

const jsonReads = API_OPERATIONS.filter((operation) => operation.method === "GET" && operation.success.schema && !operation.isPublic);

describe("every JSON GET answers what the reference describes", () => {
  it.each(jsonReads.map((operation) => [operation.path, operation] as const))("%s", async (apiPath, operation) => {
    const route = (await import(routeFileOf(apiPath))) as { GET: Handler };
    const params = Object.fromEntries([...apiPath.matchAll(/\{([^}]+)\}/g)].map(([, name]) => [name, ids[name]]));
    const query = /\/(similar|search)$/.test(operation.path) ? "?q=mandates" : "";
    const answer = await callRoute(route.GET, { token, params, path: `${apiPath}${query}` });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    const parsed = operation.success.schema!.safeParse(answer.json);
    expect(parsed.success ? [] : parsed.error.issues, JSON.stringify(answer.json).slice(0, 2000)).toEqual([]);
  });
});
