import { beforeAll, describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { createMember, createSource, createWorkshop, viewerOf } from "@/test/factories";
import { expectAppError } from "@/test/expect-app-error";
import { createAnnotation } from "./create-annotation";
import { createReply } from "./replies";
import { findSourceAnnotations } from "./find-source-annotations";
import { setAnnotationHidden, setReplyHidden } from "./moderate";

const prisma = registerTestDatabase();
const TEXT = "Participants generally agreed that the mission lacked a peace to keep. One participant disagreed.";

type Viewer = ReturnType<typeof viewerOf>;
let workshopId: string;
let sourceId: string;
let organizer: Viewer;
let author: Viewer;
let other: Viewer;
let observer: Viewer;
let outsider: Viewer;

beforeAll(async () => {
  workshopId = (await createWorkshop()).id;
  sourceId = (await createSource(workshopId, { text: TEXT })).id;
  organizer = viewerOf((await createMember(workshopId, "ORGANIZER")).user);
  author = viewerOf((await createMember(workshopId, "PARTICIPANT", { name: "Author Person" })).user);
  other = viewerOf((await createMember(workshopId, "PARTICIPANT")).user);
  observer = viewerOf((await createMember(workshopId, "OBSERVER")).user);
  outsider = viewerOf((await createMember((await createWorkshop()).id, "ORGANIZER")).user);
});

const ids = async (viewer: Viewer) => (await findSourceAnnotations({ viewer, workshopId, sourceId })).map((item) => item.id);

describe("moderation", () => {
  it("hides an annotation from everyone but its author and the organizers, without naming the author", async () => {
    const annotation = await createAnnotation({ viewer: author, workshopId, sourceId, input: { start: 0, end: 12, comment: "Off topic" } });
    const hidden = await setAnnotationHidden({ viewer: organizer, workshopId, annotationId: annotation.id, input: { hidden: true } });
    expect(hidden).toMatchObject({ id: annotation.id, isHidden: true, mine: false });
    expect(JSON.stringify(hidden)).not.toContain(author.id);
    expect(JSON.stringify(hidden)).not.toContain("Author Person");

    expect(await ids(other)).not.toContain(annotation.id);
    expect(await ids(observer)).not.toContain(annotation.id);
    const forAuthor = (await findSourceAnnotations({ viewer: author, workshopId, sourceId })).find((item) => item.id === annotation.id);
    expect(forAuthor).toMatchObject({ isHidden: true, mine: true });
    expect(await ids(organizer)).toContain(annotation.id);

    await setAnnotationHidden({ viewer: organizer, workshopId, annotationId: annotation.id, input: { hidden: false } });
    expect(await ids(other)).toContain(annotation.id);
  });

  it("hides a reply in the same way", async () => {
    const annotation = await createAnnotation({ viewer: other, workshopId, sourceId, input: { start: 71, end: 94 } });
    const reply = await createReply({ viewer: author, workshopId, annotationId: annotation.id, input: { body: "Rude remark" } });
    await setReplyHidden({ viewer: organizer, workshopId, annotationId: annotation.id, replyId: reply.id, input: { hidden: true } });
    const repliesFor = async (viewer: Viewer) =>
      (await findSourceAnnotations({ viewer, workshopId, sourceId })).find((item) => item.id === annotation.id)!.replies;
    expect(await repliesFor(other)).toEqual([]);
    expect(await repliesFor(author)).toMatchObject([{ id: reply.id, isHidden: true, mine: true }]);
    expect(await repliesFor(organizer)).toMatchObject([{ id: reply.id, isHidden: true, mine: false }]);
  });

  it("is for organizers only; outsiders get 'not found'; bad input is refused", async () => {
    const annotation = await createAnnotation({ viewer: author, workshopId, sourceId, input: { start: 13, end: 22 } });
    await expectAppError(setAnnotationHidden({ viewer: author, workshopId, annotationId: annotation.id, input: { hidden: true } }), "FORBIDDEN");
    await expectAppError(setAnnotationHidden({ viewer: observer, workshopId, annotationId: annotation.id, input: { hidden: true } }), "FORBIDDEN");
    await expectAppError(setAnnotationHidden({ viewer: outsider, workshopId, annotationId: annotation.id, input: { hidden: true } }), "NOT_FOUND");
    await expectAppError(setAnnotationHidden({ viewer: organizer, workshopId, annotationId: "nope", input: { hidden: true } }), "NOT_FOUND");
    await expectAppError(
      setAnnotationHidden({ viewer: organizer, workshopId, annotationId: annotation.id, input: { hidden: "yes" as unknown as boolean } }),
      "BAD_REQUEST",
      "fields.hiddenInvalid",
    );
    expect((await prisma().annotation.findUniqueOrThrow({ where: { id: annotation.id } })).hiddenAt).toBeNull();
  });

  it("still works once the workshop is closed", async () => {
    const annotation = await createAnnotation({ viewer: author, workshopId, sourceId, input: { start: 23, end: 29 } });
    await prisma().workshop.update({ where: { id: workshopId }, data: { status: "CLOSED" } });
    try {
      await setAnnotationHidden({ viewer: organizer, workshopId, annotationId: annotation.id, input: { hidden: true } });
      expect(await ids(other)).not.toContain(annotation.id);
    } finally {
      await prisma().workshop.update({ where: { id: workshopId }, data: { status: "OPEN" } });
    }
  });
});
