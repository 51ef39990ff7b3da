/**
 * A NUL character (which PostgreSQL cannot store) anywhere a person can type or address
 * something: refused with a clear 400 that names the field, or "not found" for an address,
 * never a 500 — and nothing is written.
 */
import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "./db";
import { expectAppError } from "./expect-app-error";
import { createMember, createSource, createWorkshop, viewerOf } from "./factories";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createReply } from "@/lib/annotations/replies";
import { createSource as addSource } from "@/lib/sources/create-source";
import { createWorkshop as createWorkshopAsUser } from "@/lib/workshops/create-workshop";
import { updateProfile } from "@/lib/users/update-profile";
import { getWorkshopAccess } from "@/lib/workshops/access";
import { getSource } from "@/lib/sources/get-source";
import { errorResponse } from "@/lib/http";
import { inputErrorFromDatabase } from "@/lib/errors";

const prisma = registerTestDatabase();
const NUL = "\u0000";

async function setup() {
  const workshop = await createWorkshop();
  const organizer = viewerOf((await createMember(workshop.id, "ORGANIZER")).user);
  const source = await createSource(workshop.id, { text: "Consent of the host state faded." });
  const annotation = await createAnnotation({ viewer: organizer, workshopId: workshop.id, sourceId: source.id, input: { start: 0, end: 7 } });
  return { workshopId: workshop.id, organizer, sourceId: source.id, annotationId: annotation.id };
}

async function rowCounts() {
  const db = prisma();
  return Promise.all([db.workshop.count(), db.source.count(), db.annotation.count(), db.annotationReply.count(), db.user.findMany({ select: { name: true } })]);
}

describe("NUL characters", () => {
  it("are refused in every text field with a 400 naming the field, writing nothing", async () => {
    const { workshopId, organizer, sourceId, annotationId } = await setup();
    const before = await rowCounts();
    await expectAppError(createAnnotation({ viewer: organizer, workshopId, sourceId, input: { start: 0, end: 7, comment: `a${NUL}b` } }), "BAD_REQUEST", "fields.nulCharacter");
    await expectAppError(createReply({ viewer: organizer, workshopId, annotationId, input: { body: NUL } }), "BAD_REQUEST", "fields.nulCharacter");
    await expectAppError(
      addSource({ viewer: organizer, workshopId, citation: { title: `Title${NUL}` }, content: { kind: "text", format: "TEXT", text: "Body." } }),
      "BAD_REQUEST",
      "fields.nulCharacter",
    );
    await expectAppError(
      addSource({ viewer: organizer, workshopId, citation: { title: "Title" }, content: { kind: "text", format: "MARKDOWN", text: `Body${NUL} text.` } }),
      "BAD_REQUEST",
      "fields.nulCharacter",
    );
    await expectAppError(createWorkshopAsUser({ viewer: organizer, input: { title: `Work${NUL}shop` } }), "BAD_REQUEST", "fields.nulCharacter");
    await expectAppError(updateProfile({ viewer: organizer, input: { name: `Name${NUL}`, organization: "" } }), "BAD_REQUEST", "fields.nulCharacter");
    await expectAppError(createAnnotation({ viewer: organizer, workshopId, sourceId, input: { start: 0, end: 7, themeIds: [`t${NUL}`] } }), "BAD_REQUEST", "fields.nulCharacter");
    expect(await rowCounts()).toEqual(before);
  });

  it("make an address 'not found', never a database error", async () => {
    const { workshopId, organizer } = await setup();
    await expectAppError(getWorkshopAccess(organizer, `${workshopId}${NUL}`), "NOT_FOUND");
    await expectAppError(getWorkshopAccess(organizer, NUL), "NOT_FOUND");
    // An item id that reaches the database anyway is answered 400 by the one error mapping.
    const caught = await getSource({ viewer: organizer, workshopId, sourceId: `s${NUL}` }).catch((error: unknown) => error);
    expect(inputErrorFromDatabase(caught)).not.toBeNull();
    const response = errorResponse(caught);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "BAD_REQUEST", message: expect.stringContaining("NUL character"), messageKey: "nulCharacter" } });
  });
});
