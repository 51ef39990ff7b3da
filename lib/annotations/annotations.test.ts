import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createMember, createSource, createTheme, createWorkshop, viewerOf } from "@/test/factories";
import { expectAppError } from "@/test/expect-app-error";
import { normalizeSourceText } from "@/lib/sources/normalize-text";
import { createAnnotation } from "./create-annotation";
import { updateAnnotation } from "./update-annotation";
import { deleteAnnotation } from "./delete-annotation";
import { findSourceAnnotations } from "./find-source-annotations";
import { createReply, deleteReply, updateReply } from "./replies";

const prisma = registerTestDatabase();
const IPI = normalizeSourceText(
  fs.readFileSync(path.resolve("prisma/seed/corpus/ipi-emerging-lessons-from-minusma-2024.md"), "utf8"),
);
const PASSAGE = "Participants generally agreed that MINUSMA played an essential role";

let workshopId: string;
let sourceId: string;
let themeId: string;
let amina: ReturnType<typeof viewerOf>;
let bruno: ReturnType<typeof viewerOf>;
let omar: ReturnType<typeof viewerOf>;
let outsider: ReturnType<typeof viewerOf>;

beforeAll(async () => {
  const workshop = await createWorkshop();
  workshopId = workshop.id;
  sourceId = (await createSource(workshopId, { text: IPI, format: "MARKDOWN" })).id;
  themeId = (await createTheme(workshopId, "Security Council dynamics")).id;
  amina = viewerOf((await createMember(workshopId, "PARTICIPANT")).user);
  bruno = viewerOf((await createMember(workshopId, "PARTICIPANT")).user);
  omar = viewerOf((await createMember(workshopId, "OBSERVER")).user);
  const other = await createWorkshop();
  outsider = viewerOf((await createMember(other.id, "ORGANIZER")).user);
});

function rangeOf(quote: string) {
  const start = IPI.indexOf(quote);
  expect(start).toBeGreaterThan(0);
  return { start, end: start + quote.length };
}

describe("annotations", () => {
  it("stores the passage as quote and position selectors and shows its author only 'mine'", async () => {
    const created = await createAnnotation({ viewer: amina, workshopId, sourceId, input: { ...rangeOf(PASSAGE), comment: "Key consensus.", themeIds: [themeId] } });
    expect(created).toMatchObject({ passage: { quote: { exact: PASSAGE }, start: IPI.indexOf(PASSAGE), state: "PLACED" }, comment: "Key consensus.", themeIds: [themeId], mine: true, isEdited: false });
    const { passage } = created;
    expect(passage.quote.prefix).toBe(IPI.slice(passage.start! - 32, passage.start!));
    expect(passage.quote.suffix).toBe(IPI.slice(passage.end!, passage.end! + 32));
    expect(created.when).toEqual({ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), partOfDay: expect.any(String) });

    const seenByBruno = await findSourceAnnotations({ viewer: bruno, workshopId, sourceId });
    expect(seenByBruno).toHaveLength(1);
    expect(seenByBruno[0]).toMatchObject({ id: created.id, mine: false, comment: "Key consensus." });
    expect(JSON.stringify(seenByBruno)).not.toContain(amina.id);
    expect(JSON.stringify(seenByBruno)).not.toContain(amina.email);
  });

  it("lists in document order, whatever the order of creation", async () => {
    const later = await createAnnotation({ viewer: bruno, workshopId, sourceId, input: rangeOf("Security Council") });
    const earlier = await createAnnotation({ viewer: bruno, workshopId, sourceId, input: rangeOf("International Peace Institute") });
    const starts = (await findSourceAnnotations({ viewer: omar, workshopId, sourceId })).map((annotation) => annotation.passage.start!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    await deleteAnnotation({ viewer: bruno, workshopId, annotationId: later.id });
    await deleteAnnotation({ viewer: bruno, workshopId, annotationId: earlier.id });
  });

  it("refuses bad selections, unknown themes, observers and outsiders, storing nothing", async () => {
    const before = await prisma().annotation.count();
    await expectAppError(createAnnotation({ viewer: amina, workshopId, sourceId, input: { start: 10, end: 10 } }), "BAD_REQUEST", "fields.selectionInvalid");
    await expectAppError(createAnnotation({ viewer: amina, workshopId, sourceId, input: { start: IPI.length, end: IPI.length + 5 } }), "BAD_REQUEST", "fields.selectionInvalid");
    await expectAppError(createAnnotation({ viewer: amina, workshopId, sourceId, input: { start: 0, end: 6000 } }), "PAYLOAD_TOO_LARGE", "fields.selectionTooLong");
    await expectAppError(createAnnotation({ viewer: amina, workshopId, sourceId, input: { ...rangeOf(PASSAGE), comment: "x".repeat(5001) } }), "BAD_REQUEST", "fields.commentTooLong");
    await expectAppError(createAnnotation({ viewer: amina, workshopId, sourceId, input: { ...rangeOf(PASSAGE), themeIds: ["not-a-theme"] } }), "BAD_REQUEST", "fields.themeUnknown");
    await expectAppError(createAnnotation({ viewer: omar, workshopId, sourceId, input: rangeOf(PASSAGE) }), "FORBIDDEN", "forbidden");
    await expectAppError(createAnnotation({ viewer: outsider, workshopId, sourceId, input: rangeOf(PASSAGE) }), "NOT_FOUND");
    await expectAppError(findSourceAnnotations({ viewer: outsider, workshopId, sourceId }), "NOT_FOUND");
    expect(await prisma().annotation.count()).toBe(before);
  });

  it("lets only the author edit or delete; others get 'not found', as if it were not there", async () => {
    const own = await createAnnotation({ viewer: amina, workshopId, sourceId, input: rangeOf("the lack of peace to keep") });
    await expectAppError(updateAnnotation({ viewer: bruno, workshopId, annotationId: own.id, input: { comment: "hijack", themeIds: [] } }), "NOT_FOUND");
    await expectAppError(deleteAnnotation({ viewer: bruno, workshopId, annotationId: own.id }), "NOT_FOUND");
    const unchanged = await updateAnnotation({ viewer: amina, workshopId, annotationId: own.id, input: { comment: "", themeIds: [] } });
    expect(unchanged.isEdited).toBe(false);
    const updated = await updateAnnotation({ viewer: amina, workshopId, annotationId: own.id, input: { comment: "No peace to keep.", themeIds: [themeId, themeId] } });
    expect(updated).toMatchObject({ comment: "No peace to keep.", themeIds: [themeId], mine: true, isEdited: true });
    const seenByBruno = (await findSourceAnnotations({ viewer: bruno, workshopId, sourceId })).find((item) => item.id === own.id)!;
    expect(seenByBruno).toMatchObject({ isEdited: true, mine: false });
    expect(Object.keys(seenByBruno)).not.toContain("editedAt");
    await deleteAnnotation({ viewer: amina, workshopId, annotationId: own.id });
    expect(await prisma().annotation.findUnique({ where: { id: own.id } })).toBeNull();
  });

  it("threads replies: anyone contributing may reply, only the author edits or deletes a reply", async () => {
    const annotation = await createAnnotation({ viewer: amina, workshopId, sourceId, input: rangeOf("host-state consent") });
    const reply = await createReply({ viewer: bruno, workshopId, annotationId: annotation.id, input: { body: "Consent was the turning point." } });
    expect(reply).toMatchObject({ body: "Consent was the turning point.", mine: true });
    await expectAppError(createReply({ viewer: bruno, workshopId, annotationId: annotation.id, input: { body: "   " } }), "BAD_REQUEST", "fields.replyRequired");
    await expectAppError(createReply({ viewer: omar, workshopId, annotationId: annotation.id, input: { body: "Observer says" } }), "FORBIDDEN");
    await expectAppError(updateReply({ viewer: amina, workshopId, annotationId: annotation.id, replyId: reply.id, input: { body: "hijack" } }), "NOT_FOUND");

    const seenByAmina = (await findSourceAnnotations({ viewer: amina, workshopId, sourceId })).find((item) => item.id === annotation.id)!;
    expect(seenByAmina.mine).toBe(true);
    expect(seenByAmina.replies).toEqual([{ id: reply.id, body: "Consent was the turning point.", mine: false, isHidden: false, isEdited: false, when: reply.when }]);

    expect(await updateReply({ viewer: bruno, workshopId, annotationId: annotation.id, replyId: reply.id, input: { body: "Consent was the turning point." } })).toMatchObject({ isEdited: false });
    expect(await updateReply({ viewer: bruno, workshopId, annotationId: annotation.id, replyId: reply.id, input: { body: "Consent, above all." } })).toMatchObject({ isEdited: true });
    await deleteReply({ viewer: bruno, workshopId, annotationId: annotation.id, replyId: reply.id });
    expect(await prisma().annotationReply.count({ where: { annotationId: annotation.id } })).toBe(0);
  });

  it("keeps hidden annotations from everyone but their author", async () => {
    const hidden = await createAnnotation({ viewer: amina, workshopId, sourceId, input: rangeOf("stabilizing urban centers") });
    await prisma().annotation.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    expect((await findSourceAnnotations({ viewer: bruno, workshopId, sourceId })).map((item) => item.id)).not.toContain(hidden.id);
    expect((await findSourceAnnotations({ viewer: amina, workshopId, sourceId })).map((item) => item.id)).toContain(hidden.id);
  });
});
