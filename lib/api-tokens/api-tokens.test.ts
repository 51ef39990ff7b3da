import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, createUser, createWorkshop, viewerOf } from "@/test/factories";
import { callRoute } from "@/test/api/token-request";
import { GET as listWorkshops } from "@/app/api/workshops/route";
import { GET as listThemes, POST as addTheme } from "@/app/api/workshops/[workshopId]/themes/route";
import { createApiToken } from "./create-api-token";
import { findMyApiTokens } from "./find-my-api-tokens";
import { revokeApiToken } from "./revoke-api-token";
import { authenticateApiToken } from "./authenticate-api-token";
import { hashTokenSecret } from "./secret";
import { MAX_API_TOKENS_PER_PERSON } from "./schemas";

const prisma = registerTestDatabase();
const DAY_MS = 24 * 60 * 60 * 1000;

async function organizerWithWorkshop() {
  const workshop = await createWorkshop();
  const { user } = await createMember(workshop.id, "ORGANIZER");
  return { workshop, user, viewer: viewerOf(user) };
}

describe("creating a token", () => {
  it("is for organizers only", async () => {
    const workshop = await createWorkshop();
    const { user } = await createMember(workshop.id, "RAPPORTEUR");
    await expectAppError(createApiToken({ viewer: viewerOf(user), input: { name: "script", scope: "read" } }), "FORBIDDEN", "apiTokensOrganizersOnly");
    const loner = await createUser();
    await expectAppError(createApiToken({ viewer: viewerOf(loner), input: { name: "script", scope: "read" } }), "FORBIDDEN", "apiTokensOrganizersOnly");
    expect(await prisma().apiToken.count({ where: { userId: { in: [user.id, loner.id] } } })).toBe(0);
  });

  it("returns the secret once and stores only its SHA-256", async () => {
    const { viewer } = await organizerWithWorkshop();
    const { token, secret } = await createApiToken({ viewer, input: { name: "  Nightly export  ", scope: "read_write" } });
    expect(secret).toMatch(/^rpt_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: "Nightly export", scope: "read_write", expiresOn: null, isExpired: false, lastUsedAt: null });
    expect(JSON.stringify(token)).not.toContain(secret.slice(4));
    const row = await prisma().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.secretHash).toBe(hashTokenSecret(secret));
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.values(row).some((value) => typeof value === "string" && value.includes(secret.slice(4)))).toBe(false);
  });

  it("refuses bad input with field messages", async () => {
    const { viewer } = await organizerWithWorkshop();
    await expectAppError(createApiToken({ viewer, input: { name: " ", scope: "read" } }), "BAD_REQUEST", "fields.tokenNameRequired");
    await expectAppError(createApiToken({ viewer, input: { name: "x", scope: "admin" as "read" } }), "BAD_REQUEST", "fields.tokenScopeInvalid");
    await expectAppError(createApiToken({ viewer, input: { name: "x", scope: "read", expiresInDays: 12 as 7 } }), "BAD_REQUEST", "fields.tokenExpiryInvalid");
  });

  it("stops at the most a person may hold", async () => {
    const { viewer } = await organizerWithWorkshop();
    for (let index = 0; index < MAX_API_TOKENS_PER_PERSON; index += 1) await createApiToken({ viewer, input: { name: `t${index}`, scope: "read" } });
    await expectAppError(createApiToken({ viewer, input: { name: "one more", scope: "read" } }), "CONFLICT", "apiTokensTooMany");
  });
});

describe("listing, using and revoking", () => {
  it("lists only the viewer's tokens, with coarse times and no secret", async () => {
    const { viewer } = await organizerWithWorkshop();
    const other = await organizerWithWorkshop();
    await createApiToken({ viewer, input: { name: "mine", scope: "read" } });
    await createApiToken({ viewer: other.viewer, input: { name: "theirs", scope: "read" } });
    const { tokens: listed, canCreate } = await findMyApiTokens({ viewer });
    expect(canCreate).toBe(true);
    expect(listed.map((token) => token.name)).toEqual(["mine"]);
    expect(Object.keys(listed[0]).sort()).toEqual(["createdAt", "expiresOn", "id", "isExpired", "lastUsedAt", "name", "scope"]);
    expect(Object.keys(listed[0].createdAt).sort()).toEqual(["day", "partOfDay"]);
  });

  it("records the last use, coarsely and not on every request", async () => {
    const { viewer } = await organizerWithWorkshop();
    const { token, secret } = await createApiToken({ viewer, input: { name: "s", scope: "read" } });
    const first = new Date("2026-12-01T10:00:00Z");
    expect((await authenticateApiToken({ secret, now: first })).viewer.id).toBe(viewer.id);
    await authenticateApiToken({ secret, now: new Date(first.getTime() + 60_000) });
    expect((await prisma().apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).toEqual(first);
    const {
      tokens: [listed],
    } = await findMyApiTokens({ viewer });
    expect(listed.lastUsedAt).toEqual({ day: "2026-12-01", partOfDay: "morning" });
  });

  it("stops working when it expires", async () => {
    const { viewer } = await organizerWithWorkshop();
    const createdAt = new Date();
    const { secret } = await createApiToken({ viewer, input: { name: "week", scope: "read", expiresInDays: 7 }, now: createdAt });
    await authenticateApiToken({ secret, now: new Date(createdAt.getTime() + 6 * DAY_MS) });
    const later = new Date(createdAt.getTime() + 7 * DAY_MS);
    await expectAppError(authenticateApiToken({ secret, now: later }), "UNAUTHENTICATED", "apiTokenInvalid");
    expect((await findMyApiTokens({ viewer, now: later })).tokens[0].isExpired).toBe(true);
  });

  it("is revoked by its owner only, and then refused", async () => {
    const { viewer } = await organizerWithWorkshop();
    const other = await organizerWithWorkshop();
    const { token, secret } = await createApiToken({ viewer, input: { name: "s", scope: "read" } });
    await expectAppError(revokeApiToken({ viewer: other.viewer, tokenId: token.id }), "NOT_FOUND");
    await authenticateApiToken({ secret });
    await revokeApiToken({ viewer, tokenId: token.id });
    await expectAppError(authenticateApiToken({ secret }), "UNAUTHENTICATED", "apiTokenInvalid");
    expect(await prisma().apiToken.count({ where: { id: token.id } })).toBe(0);
    await expectAppError(revokeApiToken({ viewer, tokenId: token.id }), "NOT_FOUND");
  });
});

describe("a token on the JSON routes", () => {
  it("reads as its person with a read token, and is refused every write", async () => {
    const { workshop, viewer } = await organizerWithWorkshop();
    const { secret } = await createApiToken({ viewer, input: { name: "read", scope: "read" } });
    const listed = await callRoute(listWorkshops, { token: secret });
    expect(listed.status).toBe(200);
    expect((listed.json as { workshops: { id: string }[] }).workshops.map((item) => item.id)).toEqual([workshop.id]);
    const params = { workshopId: workshop.id };
    expect((await callRoute(listThemes, { token: secret, params })).status).toBe(200);
    const refused = await callRoute(addTheme, { method: "POST", token: secret, params, body: { name: "Logistics" } });
    expect(refused).toMatchObject({ status: 403, json: { error: { code: "FORBIDDEN", messageKey: "apiTokenReadOnly" } } });
    expect(await prisma().theme.count({ where: { workshopId: workshop.id } })).toBe(0);
  });

  it("writes with a read-write token, without an Origin header, within the person's role", async () => {
    const { workshop, viewer } = await organizerWithWorkshop();
    const { secret } = await createApiToken({ viewer, input: { name: "rw", scope: "read_write" } });
    const added = await callRoute(addTheme, { method: "POST", token: secret, params: { workshopId: workshop.id }, body: { name: "Logistics" } });
    expect(added.status).toBe(201);
    const elsewhere = await createWorkshop();
    const outsider = await callRoute(addTheme, { method: "POST", token: secret, params: { workshopId: elsewhere.id }, body: { name: "Logistics" } });
    expect(outsider).toMatchObject({ status: 404, json: { error: { code: "NOT_FOUND" } } });
  });

  it("answers 401 to unknown, malformed and revoked tokens, never falling back to a cookie", async () => {
    const { viewer } = await organizerWithWorkshop();
    const { token, secret } = await createApiToken({ viewer, input: { name: "s", scope: "read" } });
    await revokeApiToken({ viewer, tokenId: token.id });
    for (const bad of [secret, `rpt_${"A".repeat(43)}`, "not-a-token", ""]) {
      const answer = await callRoute(listWorkshops, { token: bad || " ", headers: { cookie: "next-auth.session-token=whatever" } });
      expect(answer, bad).toMatchObject({ status: 401, json: { error: { code: "UNAUTHENTICATED" } } });
      expect(JSON.stringify(answer.json)).not.toContain(bad || "Bearer");
    }
  });
});
