import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { createAnnotationRow, createLessonRow, createMember, createSource, createWorkshop, viewerOf } from "@/test/factories";
import { checkNoteGuard } from "./check-note-guard";
import { dismissGuardWarning } from "./dismiss-guard-warning";
import { undoGuardDismissal } from "./undo-guard-dismissal";

const prisma = registerTestDatabase();

const COPIED = "the force could not move because every truck belonged to a contractor who had left";
const STATEMENT = "Logistics owned by contractors leave a mission unable to move when it matters most";
const QUOTED = "the mandate was renewed without any change to its priorities or its resources at all";

let run = 0;

async function guardWorkshop() {
  run += 1;
  const workshop = await createWorkshop();
  const organizer = await createMember(workshop.id, "ORGANIZER", { name: "Hélène Dubois-Léger", organization: "Ministère des Affaires étrangères (MAE)", email: `helene.dubois${run}@quai.example.fr` });
  const rapporteur = await createMember(workshop.id, "RAPPORTEUR", { name: "Rapporteur Person" });
  const participant = await createMember(workshop.id, "PARTICIPANT", { name: "John Okonkwo-Smith", organization: "Embassy of Ruritania", email: `jokonkwo${run}@embassy.example.org` });
  const observer = await createMember(workshop.id, "OBSERVER", { name: "Observer Person" });
  const source = await createSource(workshop.id, { text: `Report. ${QUOTED}. End of report.` });
  await createAnnotationRow(source, participant.user.id, { comment: `From my notes: ${COPIED}. And: ${QUOTED}.` });
  const lesson = await createLessonRow(workshop.id, participant.user.id, [], STATEMENT);
  await prisma().lesson.update({ where: { id: lesson.id }, data: { elaboration: `${STATEMENT}, as we saw twice` } });
  const content = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Logistics" }] },
      { type: "paragraph", content: [{ type: "text", text: "As HELENE DUBOIS LEGER put it, my delegation saw that " }, { type: "text", text: COPIED, marks: [{ type: "italic" }] }, { type: "text", text: "." }] },
      { type: "paragraph", content: [{ type: "text", text: `Participants generally agreed that ${STATEMENT.toLowerCase()}. The report says ${QUOTED}. The MAE agreed.` }] },
    ],
  };
  await prisma().meetingNote.create({ data: { workshopId: workshop.id, content } });
  const viewers = { organizer: viewerOf(organizer.user), rapporteur: viewerOf(rapporteur.user), participant: viewerOf(participant.user), observer: viewerOf(observer.user) };
  return { workshopId: workshop.id, members: { organizer, rapporteur, participant, observer }, viewers };
}

const summary = (warnings: Awaited<ReturnType<typeof checkNoteGuard>>["warnings"]) => warnings.map(({ kind, excerpt, blockIndex }) => ({ kind, excerpt, blockIndex }));

describe("checkNoteGuard", () => {
  it("flags the stored note's member names, speaker phrases and copied contributions, not statements or quoted sources", async () => {
    const { workshopId, viewers } = await guardWorkshop();
    const check = await checkNoteGuard({ viewer: viewers.organizer, workshopId });
    expect(summary(check.warnings)).toEqual([
      { kind: "roster", excerpt: "HELENE DUBOIS LEGER", blockIndex: 1 },
      { kind: "phrase", excerpt: "my delegation", blockIndex: 1 },
      { kind: "verbatim", excerpt: COPIED, blockIndex: 1 },
      { kind: "roster", excerpt: "MAE", blockIndex: 2 },
    ]);
    const [name] = check.warnings;
    const block = "As HELENE DUBOIS LEGER put it, my delegation saw that ";
    expect(block.slice(name!.from, name!.to)).toBe("HELENE DUBOIS LEGER");
    expect(name!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it("names the member to organizers and rapporteurs only; a participant's or observer's answer holds no member's name, address or organization", async () => {
    const { workshopId, viewers, members } = await guardWorkshop();
    for (const viewer of [viewers.organizer, viewers.rapporteur]) {
      const check = await checkNoteGuard({ viewer, workshopId });
      expect(check.isDetailed).toBe(true);
      expect(check.warnings.filter((w) => w.kind === "roster").map((w) => w.detail)).toEqual([
        { fields: ["name"], members: ["Hélène Dubois-Léger"] },
        { fields: ["organization"], members: ["Hélène Dubois-Léger"] },
      ]);
      // Verbatim warnings never say whose words they were, even to organizers.
      const verbatim = check.warnings.find((w) => w.kind === "verbatim")!;
      expect(verbatim.detail).toBeUndefined();
      expect(JSON.stringify(verbatim)).not.toMatch(/Okonkwo|Ruritania|jokonkwo/i);
    }
    for (const viewer of [viewers.participant, viewers.observer]) {
      const check = await checkNoteGuard({ viewer, workshopId });
      expect(check.isDetailed).toBe(false);
      expect(check.warnings.filter((w) => w.kind === "roster").map((w) => w.excerpt)).toEqual(["HELENE DUBOIS LEGER", "MAE"]);
      const body = JSON.stringify(check);
      for (const { user } of Object.values(members)) {
        for (const identity of [user.id, user.email, user.name!, user.organization].filter(Boolean)) expect(body).not.toContain(identity);
      }
      expect(body).not.toMatch(/Dubois-L|Ministère|helene\.dubois/i);
    }
  });

  it("checks the blocks an editor sends, and refuses malformed or oversized ones with a 4xx", async () => {
    const { workshopId, viewers } = await guardWorkshop();
    const check = await checkNoteGuard({ viewer: viewers.observer, workshopId, text: ["Ma délégation et l’ambassadeur de France.", "Selon Okonkwo-Smith, rien."] });
    expect(summary(check.warnings)).toEqual([
      { kind: "phrase", excerpt: "Ma délégation", blockIndex: 0 },
      { kind: "phrase", excerpt: "l’ambassadeur de France", blockIndex: 0 },
      { kind: "roster", excerpt: "Okonkwo-Smith", blockIndex: 1 },
    ]);
    await expectAppError(checkNoteGuard({ viewer: viewers.observer, workshopId, text: "not blocks" }), "BAD_REQUEST", "fields.guardBlocksInvalid");
    await expectAppError(checkNoteGuard({ viewer: viewers.observer, workshopId, text: Array(5_001).fill("") }), "BAD_REQUEST", "fields.guardBlocksTooLong");
    await expectAppError(checkNoteGuard({ viewer: viewers.observer, workshopId, text: Array(4).fill("x".repeat(90_000)) }), "PAYLOAD_TOO_LARGE", "guardNoteTooLong");
  });

  it("dismisses a warning by its fingerprint with a reason, stored without identity; undo lists it again", async () => {
    const { workshopId, viewers, members } = await guardWorkshop();
    const before = await checkNoteGuard({ viewer: viewers.participant, workshopId });
    const phrase = before.warnings.find((w) => w.kind === "phrase")!;
    expect(await dismissGuardWarning({ viewer: viewers.participant, workshopId, input: { fingerprint: phrase.fingerprint, reason: "  A quotation from the report  " } })).toEqual({
      fingerprint: phrase.fingerprint,
      reason: "A quotation from the report",
    });
    const after = await checkNoteGuard({ viewer: viewers.organizer, workshopId });
    expect(after.warnings.map((w) => w.fingerprint)).not.toContain(phrase.fingerprint);
    expect(after.warnings).toHaveLength(before.warnings.length - 1);
    const all = await checkNoteGuard({ viewer: viewers.observer, workshopId, includeDismissed: true });
    expect(all.warnings.find((w) => w.fingerprint === phrase.fingerprint)?.dismissedReason).toBe("A quotation from the report");

    const rows = await prisma().noteGuardDismissal.findMany({ where: { note: { workshopId } } });
    expect(rows.map((row) => Object.keys(row).sort())).toEqual([["createdAt", "fingerprint", "id", "noteId", "reason"]]);
    const stored = JSON.stringify(rows);
    for (const { user } of Object.values(members)) expect(stored).not.toContain(user.id);

    // The same words typed again elsewhere stay dismissed: the fingerprint is the words, not the place.
    const live = await checkNoteGuard({ viewer: viewers.participant, workshopId, text: ["New text first.", "And then my   Delegation again."] });
    expect(live.warnings).toEqual([]);

    await undoGuardDismissal({ viewer: viewers.rapporteur, workshopId, fingerprint: phrase.fingerprint });
    expect((await checkNoteGuard({ viewer: viewers.organizer, workshopId })).warnings).toHaveLength(before.warnings.length);
    expect(await prisma().noteGuardDismissal.count({ where: { note: { workshopId } } })).toBe(0);
  });

  it("lets only those who edit the note dismiss, and refuses bad reasons and fingerprints", async () => {
    const { workshopId, viewers } = await guardWorkshop();
    const fingerprint = (await checkNoteGuard({ viewer: viewers.organizer, workshopId })).warnings[0]!.fingerprint;
    await expectAppError(dismissGuardWarning({ viewer: viewers.observer, workshopId, input: { fingerprint, reason: "Fine" } }), "FORBIDDEN", "forbidden");
    await expectAppError(dismissGuardWarning({ viewer: viewers.organizer, workshopId, input: { fingerprint, reason: "   " } }), "BAD_REQUEST", "fields.dismissReasonRequired");
    await expectAppError(dismissGuardWarning({ viewer: viewers.organizer, workshopId, input: { fingerprint, reason: "x".repeat(301) } }), "BAD_REQUEST", "fields.dismissReasonTooLong");
    await expectAppError(dismissGuardWarning({ viewer: viewers.organizer, workshopId, input: { fingerprint: "Not-A-Fingerprint", reason: "Fine" } }), "BAD_REQUEST", "fields.fingerprintInvalid");
    await expectAppError(undoGuardDismissal({ viewer: viewers.organizer, workshopId, fingerprint: "x".repeat(1000) }), "BAD_REQUEST", "fields.fingerprintInvalid");
    await prisma().workshop.update({ where: { id: workshopId }, data: { status: "CLOSED" } });
    await expectAppError(dismissGuardWarning({ viewer: viewers.organizer, workshopId, input: { fingerprint, reason: "Fine" } }), "FORBIDDEN", "workshopReadOnly");
    // Reading stays open to every member once the workshop is closed.
    expect((await checkNoteGuard({ viewer: viewers.observer, workshopId })).warnings.length).toBeGreaterThan(0);
    expect(await prisma().noteGuardDismissal.count({ where: { note: { workshopId } } })).toBe(0);
  });

  it("checks a 50,000-character note against 100 members quickly", async () => {
    const workshop = await createWorkshop();
    for (let index = 0; index < 100; index += 1) {
      await createMember(workshop.id, "PARTICIPANT", { name: `Member${index} Surname${index}`, organization: `Organisation number ${index}`, email: `member${index}@example${index}.org` });
    }
    const { user } = await createMember(workshop.id, "ORGANIZER");
    const paragraph = "Participants generally agreed that the mission's logistics were too dependent on contractors and on roads that flooded every year. ";
    const blocks = Array.from({ length: 400 }, (_, index) => (index === 200 ? "Surname42 said so. " : "") + paragraph);
    expect(blocks.join("").length).toBeGreaterThan(50_000);
    await checkNoteGuard({ viewer: viewerOf(user), workshopId: workshop.id, text: blocks });
    const started = performance.now();
    const check = await checkNoteGuard({ viewer: viewerOf(user), workshopId: workshop.id, text: blocks });
    const elapsed = performance.now() - started;
    console.info(`guard check, 50,000+ characters, 101 members, database included: ${elapsed.toFixed(1)} ms`);
    expect(summary(check.warnings)).toEqual([{ kind: "roster", excerpt: "Surname42", blockIndex: 200 }]);
    expect(elapsed).toBeLessThan(500);
  });
});
