import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, createUser, createWorkshop, viewerOf } from "@/test/factories";
import { getWorkshopAccess } from "@/lib/workshops/access";
import type { Role } from "@/lib/generated/prisma/client";
import { acceptInvitation, getInvitationPreview } from "./accept-invitation";
import { createInvitation } from "./create-invitation";
import { findPendingInvitations } from "./find-pending-invitations";
import { revokeInvitation } from "./revoke-invitation";

const prisma = registerTestDatabase();
const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");
const INVITE_URL = /^http:\/\/localhost:3999\/invitations\/([A-Za-z0-9_-]{43})$/;

async function workshopWithOrganizer(title = "Lessons from Mali") {
  const workshop = await createWorkshop({ title });
  const { user } = await createMember(workshop.id, "ORGANIZER");
  return { workshop, organizer: viewerOf(user) };
}

/** A fresh address per call, so that tests sharing the database never meet. */
const uniqueEmail = (name: string) => `${name}-${crypto.randomBytes(4).toString("hex")}@example.test`;

/** Invites an address and returns the presented invitation and the token taken from its mail. */
async function invite(workshopId: string, organizer: ReturnType<typeof viewerOf>, email: string, role: Role = "PARTICIPANT") {
  const presented = await createInvitation({ viewer: organizer, workshopId, input: { email, role }, locale: "en" });
  const { tokenHash } = await prisma().invitation.findUniqueOrThrow({ where: { id: presented.id } });
  const mails = await prisma().outboxMessage.findMany({ where: { to: email.trim().toLowerCase() } });
  const mail = mails.find((candidate) => {
    const token = INVITE_URL.exec(candidate.url)?.[1];
    return token !== undefined && sha256(token) === tokenHash;
  });
  if (!mail) throw new Error(`no mail to ${email} carries the link of invitation ${presented.id}`);
  return { presented, token: INVITE_URL.exec(mail.url)![1]!, mail };
}

describe("createInvitation", () => {
  it("stores only the token's hash and mails the token (to the demo outbox without SMTP)", async () => {
    const invitee = uniqueEmail("invitee");
    const { workshop, organizer } = await workshopWithOrganizer("Lessons from Mali");
    const before = Date.now();
    const { presented, token, mail } = await invite(workshop.id, organizer, `  ${invitee.toUpperCase()} `, "PARTICIPANT");

    const row = await prisma().invitation.findUniqueOrThrow({ where: { id: presented.id } });
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ workshopId: workshop.id, email: invitee, role: "PARTICIPANT", invitedById: organizer.id });
    expect(row.acceptedAt).toBeNull();
    expect(row.revokedAt).toBeNull();
    const week = 7 * 24 * 60 * 60 * 1000;
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(before + week - 1000);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + week);

    expect(presented).toEqual({ id: row.id, email: invitee, role: "PARTICIPANT", expiresAt: row.expiresAt.toISOString() });
    expect(mail).toMatchObject({ to: invitee, url: `http://localhost:3999/invitations/${token}` });
    expect(mail.subject).toContain("Lessons from Mali");
    expect(mail.text).toContain(mail.url);
  });

  it("writes the mail in the requested language", async () => {
    const frEmail = uniqueEmail("fr");
    const { workshop, organizer } = await workshopWithOrganizer("Atelier");
    await createInvitation({ viewer: organizer, workshopId: workshop.id, input: { email: frEmail, role: "OBSERVER" }, locale: "fr" });
    const mail = await prisma().outboxMessage.findFirstOrThrow({ where: { to: frEmail } });
    expect(mail.subject).toBe("Invitation à « Atelier » sur Rapporteur");
  });

  it("re-inviting an address revokes the pending invitation", async () => {
    const twiceEmail = uniqueEmail("twice");
    const { workshop, organizer } = await workshopWithOrganizer();
    const first = await invite(workshop.id, organizer, twiceEmail, "PARTICIPANT");
    const second = await invite(workshop.id, organizer, twiceEmail, "RAPPORTEUR");
    expect(second.token).not.toBe(first.token);

    expect((await prisma().invitation.findUniqueOrThrow({ where: { id: first.presented.id } })).revokedAt).not.toBeNull();
    expect(await findPendingInvitations({ viewer: organizer, workshopId: workshop.id })).toEqual([second.presented]);

    const invitee = viewerOf(await createUser({ email: twiceEmail }));
    await expectAppError(acceptInvitation({ viewer: invitee, token: first.token }), "NOT_FOUND", "invitationInvalid");
    await acceptInvitation({ viewer: invitee, token: second.token });
    expect((await getWorkshopAccess(invitee, workshop.id)).membership.role).toBe("RAPPORTEUR");
  });

  it("refuses to invite an existing member (CONFLICT), without a row or a mail", async () => {
    const memberEmail = uniqueEmail("member");
    const { workshop, organizer } = await workshopWithOrganizer();
    await createMember(workshop.id, "OBSERVER", { email: memberEmail });
    await expectAppError(
      createInvitation({ viewer: organizer, workshopId: workshop.id, input: { email: memberEmail.toUpperCase(), role: "PARTICIPANT" }, locale: "en" }),
      "CONFLICT",
      "alreadyMember",
    );
    expect(await prisma().invitation.count({ where: { workshopId: workshop.id } })).toBe(0);
    expect(await prisma().outboxMessage.count({ where: { to: memberEmail } })).toBe(0);
  });

  it.each([
    { case: "a malformed email", input: { email: "not-an-email", role: "PARTICIPANT" }, key: "fields.emailInvalid", field: "email" },
    { case: "an empty email", input: { email: "", role: "PARTICIPANT" }, key: "fields.emailInvalid", field: "email" },
    { case: "an unknown role", input: { email: "ok@example.test", role: "ADMIN" }, key: "fields.roleInvalid", field: "role" },
  ])("refuses $case with BAD_REQUEST", async ({ input, key, field }) => {
    const { workshop, organizer } = await workshopWithOrganizer();
    const error = await expectAppError(
      createInvitation({ viewer: organizer, workshopId: workshop.id, input: input as { email: string; role: "PARTICIPANT" }, locale: "en" }),
      "BAD_REQUEST",
      key,
    );
    expect(error.details).toEqual({ field });
    expect(await prisma().invitation.count({ where: { workshopId: workshop.id } })).toBe(0);
  });
});

describe("acceptInvitation", () => {
  async function pending(email = uniqueEmail("invitee"), role: "PARTICIPANT" | "OBSERVER" = "PARTICIPANT") {
    const { workshop, organizer } = await workshopWithOrganizer();
    const { presented, token } = await invite(workshop.id, organizer, email, role);
    const invitee = viewerOf(await createUser({ email }));
    return { workshop, organizer, invitationId: presented.id, token, invitee };
  }

  it("shows a preview, then makes the person a member with the invited role", async () => {
    const { workshop, token, invitee, invitationId } = await pending(undefined, "OBSERVER");
    expect(await getInvitationPreview({ token })).toEqual({
      workshopTitle: workshop.title,
      date: workshop.date ? workshop.date.toISOString().slice(0, 10) : null,
      place: workshop.place,
      attribution: workshop.attribution,
      role: "OBSERVER",
      abilities: ["workshop.view", "note.view", "note.versions.view"],
      email: invitee.email,
    });
    expect(await acceptInvitation({ viewer: invitee, token })).toEqual({ workshopId: workshop.id });
    expect((await getWorkshopAccess(invitee, workshop.id)).membership.role).toBe("OBSERVER");
    expect((await prisma().invitation.findUniqueOrThrow({ where: { id: invitationId } })).acceptedAt).not.toBeNull();
  });

  it("works once: a second use is GONE invitationUsed", async () => {
    const { token, invitee } = await pending();
    await acceptInvitation({ viewer: invitee, token });
    await expectAppError(acceptInvitation({ viewer: invitee, token }), "GONE", "invitationUsed");
    await expectAppError(getInvitationPreview({ token }), "GONE", "invitationUsed");
  });

  it("refuses an expired invitation with GONE invitationExpired", async () => {
    const { token, invitee, invitationId, workshop } = await pending();
    await prisma().invitation.update({ where: { id: invitationId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectAppError(acceptInvitation({ viewer: invitee, token }), "GONE", "invitationExpired");
    await expectAppError(getWorkshopAccess(invitee, workshop.id), "NOT_FOUND");
  });

  it("refuses an invitation to an archived workshop", async () => {
    const { token, invitee, workshop } = await pending();
    await prisma().workshop.update({ where: { id: workshop.id }, data: { status: "ARCHIVED" } });
    await expectAppError(acceptInvitation({ viewer: invitee, token }), "GONE", "invitationWorkshopArchived");
  });

  it.each([
    { case: "a forged well-formed token", token: () => crypto.randomBytes(32).toString("base64url") },
    { case: "a too short token", token: () => "abc" },
    { case: "a token with a path in it", token: () => "../".repeat(14) + "a" },
    { case: "an empty token", token: () => "" },
    { case: "the stored hash instead of the token", token: () => "hash" },
  ])("answers $case with NOT_FOUND invitationInvalid", async ({ token: makeToken }) => {
    const { invitee, invitationId, workshop } = await pending();
    let token = makeToken();
    if (token === "hash") token = (await prisma().invitation.findUniqueOrThrow({ where: { id: invitationId } })).tokenHash;
    await expectAppError(acceptInvitation({ viewer: invitee, token }), "NOT_FOUND", "invitationInvalid");
    await expectAppError(getInvitationPreview({ token }), "NOT_FOUND", "invitationInvalid");
    await expectAppError(getWorkshopAccess(invitee, workshop.id), "NOT_FOUND");
  });

  it("answers a revoked invitation with NOT_FOUND invitationInvalid", async () => {
    const { token, invitee, invitationId, workshop, organizer } = await pending();
    await revokeInvitation({ viewer: organizer, workshopId: workshop.id, invitationId });
    await expectAppError(acceptInvitation({ viewer: invitee, token }), "NOT_FOUND", "invitationInvalid");
  });

  it("refuses someone signed in with another address (FORBIDDEN), and the link keeps working for the invitee", async () => {
    const { token, invitee, workshop } = await pending();
    const someoneElse = viewerOf(await createUser());
    await expectAppError(acceptInvitation({ viewer: someoneElse, token }), "FORBIDDEN", "invitationOtherEmail");
    await expectAppError(getWorkshopAccess(someoneElse, workshop.id), "NOT_FOUND");
    await acceptInvitation({ viewer: invitee, token });
  });

  it("compares addresses without regard to case", async () => {
    const { token, invitee, workshop } = await pending(uniqueEmail("case"));
    await acceptInvitation({ viewer: { ...invitee, email: invitee.email.toUpperCase() }, token });
    await expect(getWorkshopAccess(invitee, workshop.id)).resolves.toBeDefined();
  });

  it("lets exactly one of two concurrent accepts succeed", async () => {
    const { token, invitee, workshop } = await pending();
    const results = await Promise.allSettled([acceptInvitation({ viewer: invitee, token }), acceptInvitation({ viewer: invitee, token })]);
    const fulfilled = results.filter((result) => result.status === "fulfilled");
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    await expectAppError(Promise.reject(rejected[0]!.reason), "GONE", "invitationUsed");
    expect(await prisma().membership.count({ where: { workshopId: workshop.id, userId: invitee.id } })).toBe(1);
  });
});

describe("revokeInvitation", () => {
  it("withdraws a pending invitation once", async () => {
    const revokeEmail = uniqueEmail("revoke");
    const { workshop, organizer } = await workshopWithOrganizer();
    const { presented } = await invite(workshop.id, organizer, revokeEmail);
    await revokeInvitation({ viewer: organizer, workshopId: workshop.id, invitationId: presented.id });
    expect(await findPendingInvitations({ viewer: organizer, workshopId: workshop.id })).toEqual([]);
    await expectAppError(revokeInvitation({ viewer: organizer, workshopId: workshop.id, invitationId: presented.id }), "NOT_FOUND", "notFound");
  });

  it("cannot withdraw an accepted invitation", async () => {
    const acceptedEmail = uniqueEmail("accepted");
    const { workshop, organizer } = await workshopWithOrganizer();
    const { presented, token } = await invite(workshop.id, organizer, acceptedEmail);
    const invitee = viewerOf(await createUser({ email: acceptedEmail }));
    await acceptInvitation({ viewer: invitee, token });
    await expectAppError(revokeInvitation({ viewer: organizer, workshopId: workshop.id, invitationId: presented.id }), "NOT_FOUND");
    expect((await prisma().invitation.findUniqueOrThrow({ where: { id: presented.id } })).revokedAt).toBeNull();
  });

  it("answers NOT_FOUND for another workshop's invitation, and leaves it pending", async () => {
    const theirsEmail = uniqueEmail("theirs");
    const mine = await workshopWithOrganizer();
    const theirs = await workshopWithOrganizer();
    const { presented } = await invite(theirs.workshop.id, theirs.organizer, theirsEmail);
    await expectAppError(
      revokeInvitation({ viewer: mine.organizer, workshopId: mine.workshop.id, invitationId: presented.id }),
      "NOT_FOUND",
      "notFound",
    );
    expect(await findPendingInvitations({ viewer: theirs.organizer, workshopId: theirs.workshop.id })).toEqual([presented]);
  });
});

describe("findPendingInvitations", () => {
  it("lists pending invitations by email; not accepted, revoked or expired ones", async () => {
    const tag = crypto.randomBytes(4).toString("hex");
    const [zoeEmail, adamEmail, revokedEmail, expiredEmail, acceptedEmail, elsewhereEmail] = ["zoe", "adam", "revoked", "expired", "accepted", "elsewhere"].map(
      (name) => `${name}-${tag}@example.test`,
    );
    const { workshop, organizer } = await workshopWithOrganizer();
    const zoe = await invite(workshop.id, organizer, zoeEmail);
    const adam = await invite(workshop.id, organizer, adamEmail);
    const revoked = await invite(workshop.id, organizer, revokedEmail);
    await revokeInvitation({ viewer: organizer, workshopId: workshop.id, invitationId: revoked.presented.id });
    const expired = await invite(workshop.id, organizer, expiredEmail);
    await prisma().invitation.update({ where: { id: expired.presented.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const accepted = await invite(workshop.id, organizer, acceptedEmail);
    await acceptInvitation({ viewer: viewerOf(await createUser({ email: acceptedEmail })), token: accepted.token });
    const other = await workshopWithOrganizer();
    await invite(other.workshop.id, other.organizer, elsewhereEmail);

    expect(await findPendingInvitations({ viewer: organizer, workshopId: workshop.id })).toEqual([adam.presented, zoe.presented]);
  });

  it.each(["RAPPORTEUR", "PARTICIPANT", "OBSERVER"] as const)("refuses a %s with FORBIDDEN", async (role) => {
    const { workshop } = await workshopWithOrganizer();
    const { user } = await createMember(workshop.id, role);
    await expectAppError(findPendingInvitations({ viewer: viewerOf(user), workshopId: workshop.id }), "FORBIDDEN", "forbidden");
  });
});
