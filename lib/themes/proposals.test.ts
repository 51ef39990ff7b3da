import { beforeAll, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createMember, createTheme as createThemeRow, createWorkshop, viewerOf } from "@/test/factories";
import type { Viewer } from "@/lib/auth/session";
import { proposeTheme } from "./propose-theme";
import { findThemeProposals } from "./find-theme-proposals";
import { acceptThemeProposal } from "./accept-theme-proposal";
import { declineThemeProposal } from "./decline-theme-proposal";
import { findThemes } from "./find-themes";

const prisma = registerTestDatabase();

let workshopId: string;
let organizer: Viewer;
let rapporteur: Viewer;
let amina: Viewer;
let bruno: Viewer;
let observer: Viewer;
let outsider: Viewer;

beforeAll(async () => {
  workshopId = (await createWorkshop()).id;
  organizer = viewerOf((await createMember(workshopId, "ORGANIZER")).user);
  rapporteur = viewerOf((await createMember(workshopId, "RAPPORTEUR")).user);
  amina = viewerOf((await createMember(workshopId, "PARTICIPANT")).user);
  bruno = viewerOf((await createMember(workshopId, "PARTICIPANT")).user);
  observer = viewerOf((await createMember(workshopId, "OBSERVER")).user);
  outsider = viewerOf((await createMember((await createWorkshop()).id, "ORGANIZER")).user);
  await createThemeRow(workshopId, "Mandate", { color: "orange" });
});

describe("theme proposals", () => {
  it("lets rapporteurs and participants propose, and shows everyone every proposal without its author", async () => {
    const proposed = await proposeTheme({ viewer: amina, workshopId, input: { name: " Host-state  consent ", description: "Consent and its erosion.", reason: "Half the comments are about it." } });
    expect(proposed).toEqual({
      id: expect.any(String),
      name: "Host-state consent",
      description: "Consent and its erosion.",
      reason: "Half the comments are about it.",
      status: "PENDING",
      response: "",
      themeId: null,
      mine: true,
      when: { day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), partOfDay: expect.any(String) },
      decidedWhen: null,
    });
    await proposeTheme({ viewer: rapporteur, workshopId, input: { name: "Drawdown" } });

    for (const viewer of [organizer, rapporteur, amina, bruno, observer]) {
      const seen = await findThemeProposals({ viewer, workshopId });
      expect(seen.map((proposal) => proposal.name).sort()).toEqual(["Drawdown", "Host-state consent"]);
      expect(seen.find((proposal) => proposal.name === "Host-state consent")!.mine).toBe(viewer === amina);
      expect(seen.find((proposal) => proposal.name === "Drawdown")!.mine).toBe(viewer === rapporteur);
      const text = JSON.stringify(seen);
      for (const person of [amina, rapporteur]) {
        expect(text).not.toContain(person.id);
        expect(text).not.toContain(person.email);
      }
      expect(text).not.toContain("authorId");
      expect(text).not.toMatch(/T\d\d:\d\d/);
    }
    await expectAppError(findThemeProposals({ viewer: outsider, workshopId }), "NOT_FOUND", "notFound");
  });

  it("refuses organizers, observers, duplicates of themes or pending proposals, and bad text", async () => {
    const before = await prisma().themeProposal.count();
    await expectAppError(proposeTheme({ viewer: organizer, workshopId, input: { name: "Anything" } }), "FORBIDDEN", "forbidden");
    await expectAppError(proposeTheme({ viewer: observer, workshopId, input: { name: "Anything" } }), "FORBIDDEN", "forbidden");
    await expectAppError(proposeTheme({ viewer: outsider, workshopId, input: { name: "Anything" } }), "NOT_FOUND", "notFound");
    await expectAppError(proposeTheme({ viewer: bruno, workshopId, input: { name: "MANDATE" } }), "CONFLICT", "themeNameTaken");
    await expectAppError(proposeTheme({ viewer: bruno, workshopId, input: { name: "host-state CONSENT" } }), "CONFLICT", "themeProposalDuplicate");
    await expectAppError(proposeTheme({ viewer: bruno, workshopId, input: { name: "" } }), "BAD_REQUEST", "fields.themeNameRequired");
    await expectAppError(proposeTheme({ viewer: bruno, workshopId, input: { name: "x".repeat(81) } }), "BAD_REQUEST", "fields.themeNameTooLong");
    await expectAppError(proposeTheme({ viewer: bruno, workshopId, input: { name: "Ok", reason: "r".repeat(1001) } }), "BAD_REQUEST", "fields.proposalReasonTooLong");
    await expectAppError(proposeTheme({ viewer: bruno, workshopId, input: { name: "Ok", reason: "a\u0000b" } }), "BAD_REQUEST", "fields.nulCharacter");
    expect(await prisma().themeProposal.count()).toBe(before);
  });

  it("accepts a proposal at the end of the codebook, and only once", async () => {
    const proposal = (await findThemeProposals({ viewer: organizer, workshopId })).find((p) => p.name === "Drawdown")!;
    await expectAppError(acceptThemeProposal({ viewer: amina, workshopId, proposalId: proposal.id }), "FORBIDDEN", "forbidden");
    const { theme, proposal: decided } = await acceptThemeProposal({ viewer: organizer, workshopId, proposalId: proposal.id });
    expect(theme).toMatchObject({ name: "Drawdown", description: "", position: 1, color: "red" });
    expect(decided).toMatchObject({ status: "ACCEPTED", themeId: theme.id, mine: false, decidedWhen: { day: expect.any(String) } });
    expect((await findThemes({ viewer: bruno, workshopId })).map((t) => t.name)).toEqual(["Mandate", "Drawdown"]);
    await expectAppError(acceptThemeProposal({ viewer: organizer, workshopId, proposalId: proposal.id }), "CONFLICT", "themeProposalDecided");
    await expectAppError(declineThemeProposal({ viewer: organizer, workshopId, proposalId: proposal.id, input: { response: "Too late" } }), "CONFLICT", "themeProposalDecided");
    // The proposer sees it accepted, still as theirs.
    expect((await findThemeProposals({ viewer: rapporteur, workshopId })).find((p) => p.id === proposal.id)).toMatchObject({ status: "ACCEPTED", mine: true });
  });

  it("accepts after edits, checking the edited name against the codebook as it is now", async () => {
    const proposal = await proposeTheme({ viewer: bruno, workshopId, input: { name: "Partners", description: "Who helped." } });
    await expectAppError(acceptThemeProposal({ viewer: organizer, workshopId, proposalId: proposal.id, input: { name: "mandate" } }), "CONFLICT", "themeNameTaken");
    await expectAppError(acceptThemeProposal({ viewer: organizer, workshopId, proposalId: proposal.id, input: { color: "gold" } }), "BAD_REQUEST", "fields.themeColorInvalid");
    const { theme } = await acceptThemeProposal({ viewer: organizer, workshopId, proposalId: proposal.id, input: { name: "International partners", description: "Who helped, and how.", color: "teal" } });
    expect(theme).toMatchObject({ name: "International partners", description: "Who helped, and how.", color: "teal", position: 2 });
  });

  it("refuses at acceptance a name the codebook gained since the proposal", async () => {
    const proposal = await proposeTheme({ viewer: amina, workshopId, input: { name: "Civilians" } });
    await createThemeRow(workshopId, "CIVILIANS");
    const codebook = await prisma().theme.count({ where: { workshopId } });
    await expectAppError(acceptThemeProposal({ viewer: organizer, workshopId, proposalId: proposal.id }), "CONFLICT", "themeNameTaken");
    expect(await prisma().theme.count({ where: { workshopId } })).toBe(codebook);
    expect((await prisma().themeProposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("PENDING");
  });

  it("declines with a short reason that everyone reads", async () => {
    const proposal = await proposeTheme({ viewer: amina, workshopId, input: { name: "Weather" } });
    await expectAppError(declineThemeProposal({ viewer: organizer, workshopId, proposalId: proposal.id, input: { response: " " } }), "BAD_REQUEST", "fields.declineReasonRequired");
    await expectAppError(declineThemeProposal({ viewer: organizer, workshopId, proposalId: proposal.id, input: { response: "r".repeat(501) } }), "BAD_REQUEST", "fields.declineReasonTooLong");
    await expectAppError(declineThemeProposal({ viewer: rapporteur, workshopId, proposalId: proposal.id, input: { response: "No" } }), "FORBIDDEN", "forbidden");
    const declined = await declineThemeProposal({ viewer: organizer, workshopId, proposalId: proposal.id, input: { response: "Out of scope for this review." } });
    expect(declined).toMatchObject({ status: "DECLINED", response: "Out of scope for this review.", themeId: null });
    expect((await findThemeProposals({ viewer: bruno, workshopId })).find((p) => p.id === proposal.id)).toMatchObject({ status: "DECLINED", response: "Out of scope for this review.", mine: false });
    // A declined name may be proposed again.
    expect((await proposeTheme({ viewer: bruno, workshopId, input: { name: "weather" } })).status).toBe("PENDING");
  });

  it("lists pending proposals first", async () => {
    const statuses = (await findThemeProposals({ viewer: observer, workshopId })).map((proposal) => proposal.status);
    expect(statuses).toEqual([...statuses].sort((a, b) => ["PENDING", "ACCEPTED", "DECLINED"].indexOf(a) - ["PENDING", "ACCEPTED", "DECLINED"].indexOf(b)));
  });

  it("refuses proposals and decisions once the workshop is closed, and a proposal of another workshop", async () => {
    const pending = await proposeTheme({ viewer: bruno, workshopId, input: { name: "Late idea" } });
    const other = await createWorkshop();
    const otherOrganizer = viewerOf((await createMember(other.id, "ORGANIZER")).user);
    await expectAppError(acceptThemeProposal({ viewer: otherOrganizer, workshopId: other.id, proposalId: pending.id }), "NOT_FOUND", "themeProposalGone");
    await expectAppError(declineThemeProposal({ viewer: otherOrganizer, workshopId: other.id, proposalId: pending.id, input: { response: "No" } }), "NOT_FOUND", "themeProposalGone");

    await prisma().workshop.update({ where: { id: workshopId }, data: { status: "CLOSED" } });
    await expectAppError(proposeTheme({ viewer: amina, workshopId, input: { name: "After closing" } }), "FORBIDDEN", "workshopReadOnly");
    await expectAppError(acceptThemeProposal({ viewer: organizer, workshopId, proposalId: pending.id }), "FORBIDDEN", "workshopReadOnly");
    await expectAppError(declineThemeProposal({ viewer: organizer, workshopId, proposalId: pending.id, input: { response: "Closed" } }), "FORBIDDEN", "workshopReadOnly");
    // Reading stays open to every member.
    expect((await findThemeProposals({ viewer: observer, workshopId })).some((proposal) => proposal.id === pending.id)).toBe(true);
    expect((await prisma().themeProposal.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING");
  });
});
