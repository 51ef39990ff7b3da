/**
 * The authorization matrix, through personal access tokens: a token acts as its person with
 * exactly their role (the policy table decides, as for the browser), a read token is refused
 * every write, and outsiders get NOT_FOUND. Every role, a non-member and an organizer of another
 * workshop, in an open and a closed workshop, with a read and a read-write token. A refused call
 * changes nothing.
 *
 * Tokens belong to organizers, so every actor here organizes a workshop of their own besides
 * their role (or none) in the workshop under test: what counts is the role in this workshop.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Role, User } from "@/lib/generated/prisma/client";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import type { ApiTokenScopeName } from "@/lib/api-tokens/schemas";
import { can, type WorkshopAction } from "@/lib/workshops/policy";
import { GET as getWorkshop } from "@/app/api/workshops/[workshopId]/route";
import { GET as getLessons } from "@/app/api/workshops/[workshopId]/lessons/route";
import { PUT as putStance } from "@/app/api/workshops/[workshopId]/lessons/[lessonId]/stance/route";
import { POST as postTheme } from "@/app/api/workshops/[workshopId]/themes/route";
import { POST as postProposal } from "@/app/api/workshops/[workshopId]/theme-proposals/route";
import { registerTestDatabase } from "./db";
import { addMember, createLessonRow, createTheme, createUser, createWorkshop, viewerOf } from "./factories";
import { callRoute } from "./api/token-request";

const prisma = registerTestDatabase();

const ROLES = ["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"] as const satisfies readonly Role[];
const ACTORS = [...ROLES, "non-member", "organizer of another workshop"] as const;
const STATUSES = ["OPEN", "CLOSED"] as const;
const SCOPES = ["read", "read_write"] as const satisfies readonly ApiTokenScopeName[];
type Actor = (typeof ACTORS)[number];
type Status = (typeof STATUSES)[number];

type Handler = (request: Request, context: { params: Promise<{ workshopId: string; lessonId: string }> }) => Promise<Response>;

interface Case {
  name: string;
  method: "GET" | "POST" | "PUT";
  handler: Handler;
  action: WorkshopAction;
  body?: () => unknown;
  /** The status of a success. */
  success: number;
}

let sequence = 0;
const unique = (prefix: string) => `${prefix} ${(sequence += 1)}`;

interface Side {
  workshopId: string;
  lessonId: string;
  themeId: string;
}

const CASES: Case[] = [
  { name: "read the workshop", method: "GET", handler: getWorkshop as Handler, action: "workshop.view", success: 200 },
  { name: "read the lessons board", method: "GET", handler: getLessons as Handler, action: "workshop.view", success: 200 },
  { name: "add a theme", method: "POST", handler: postTheme as Handler, action: "themes.manage", body: () => ({ name: unique("Theme") }), success: 201 },
  { name: "propose a theme", method: "POST", handler: postProposal as Handler, action: "themes.propose", body: () => ({ name: unique("Proposal") }), success: 201 },
  { name: "take a stance", method: "PUT", handler: putStance as Handler, action: "lessons.stance", body: () => ({ stance: "ENDORSE" }), success: 200 },
];

const sides = {} as Record<Status, Side>;
const tokens = {} as Record<Actor, Record<ApiTokenScopeName, string>>;

async function tokenHolder(): Promise<User> {
  const user = await createUser();
  const own = await createWorkshop({ title: "Their own workshop" });
  await addMember(own.id, user.id, "ORGANIZER");
  return user;
}

beforeAll(async () => {
  const users = {} as Record<Actor, User>;
  for (const actor of ACTORS) users[actor] = await tokenHolder();
  for (const status of STATUSES) {
    const workshop = await createWorkshop({ title: `Under test (${status})` });
    for (const role of ROLES) await addMember(workshop.id, users[role].id, role);
    const theme = await createTheme(workshop.id, "Mandates");
    const lesson = await createLessonRow(workshop.id, users.PARTICIPANT.id, [theme.id], "Mandates must be clear");
    if (status === "CLOSED") await prisma().workshop.update({ where: { id: workshop.id }, data: { status: "CLOSED" } });
    sides[status] = { workshopId: workshop.id, lessonId: lesson.id, themeId: theme.id };
  }
  const elsewhere = await createWorkshop({ title: "Another workshop" });
  await addMember(elsewhere.id, users["organizer of another workshop"].id, "ORGANIZER");
  for (const actor of ACTORS) {
    tokens[actor] = {} as Record<ApiTokenScopeName, string>;
    for (const scope of SCOPES) tokens[actor][scope] = (await createApiToken({ viewer: viewerOf(users[actor]), input: { name: `${actor} ${scope}`, scope } })).secret;
  }
}, 120_000);

function expectedOf(actor: Actor, status: Status, scope: ApiTokenScopeName, entry: Case): { status: number; code?: string } {
  if (scope === "read" && entry.method !== "GET") return { status: 403, code: "FORBIDDEN" };
  if (!(ROLES as readonly string[]).includes(actor)) return { status: 404, code: "NOT_FOUND" };
  return can({ role: actor as Role, status }, entry.action) ? { status: entry.success } : { status: 403, code: "FORBIDDEN" };
}

async function contentCounts(workshopId: string) {
  const [themes, proposals, lessons, stances] = await Promise.all([
    prisma().theme.count({ where: { workshopId } }),
    prisma().themeProposal.count({ where: { workshopId } }),
    prisma().lesson.count({ where: { workshopId } }),
    prisma().stance.count({ where: { lesson: { workshopId } } }),
  ]);
  return { themes, proposals, lessons, stances };
}

describe.each(STATUSES)("a token in a %s workshop", (status) => {
  describe.each(ACTORS)("held by %s", (actor) => {
    it.each(SCOPES.flatMap((scope) => CASES.map((entry) => [`${scope}: ${entry.name}`, scope, entry] as const)))("%s", async (_label, scope, entry) => {
      const side = sides[status];
      const expected = expectedOf(actor, status, scope, entry);
      const before = await contentCounts(side.workshopId);
      const answer = await callRoute(entry.handler, {
        method: entry.method,
        token: tokens[actor][scope],
        params: { workshopId: side.workshopId, lessonId: side.lessonId },
        body: entry.body?.(),
      });
      expect(answer.status, JSON.stringify(answer.json)).toBe(expected.status);
      if (expected.code) {
        expect((answer.json as { error: { code: string } }).error.code).toBe(expected.code);
        expect(await contentCounts(side.workshopId)).toEqual(before);
      }
    });
  });
});
