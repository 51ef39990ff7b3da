import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "@/test/db";
import { expectAppError } from "@/test/expect-app-error";
import { viewerOf } from "@/test/factories";
import { exportNote } from "@/lib/notes/export-note";
import { exportLessons } from "@/lib/exports/export-lessons";
import { changeWorkshopStatus } from "@/lib/workshops/change-workshop-status";
import { createRecordedWorkshop } from "@/lib/exports/testing";
import { applyDueRetention } from "./apply-retention";
import { presentRetention } from "./schedule";
import { updateRetention } from "./update-retention";

const prisma = registerTestDatabase();
const DAY = 24 * 60 * 60 * 1000;

/** Every row retention may touch, counted for one workshop. */
async function countsOf(workshopId: string) {
  const db = prisma();
  const byNote = { note: { workshopId } };
  return {
    annotations: await db.annotation.count({ where: { workshopId } }),
    annotationThemes: await db.annotationTheme.count({ where: { annotation: { workshopId } } }),
    replies: await db.annotationReply.count({ where: { annotation: { workshopId } } }),
    noteUpdates: await db.meetingNoteUpdate.count({ where: byNote }),
    namedVersions: await db.meetingNoteVersion.count({ where: { ...byNote, kind: { not: "SIGN_OFF" } } }),
    signOffVersions: await db.meetingNoteVersion.count({ where: { ...byNote, kind: "SIGN_OFF" } }),
    retiredGenerations: await db.meetingNoteGeneration.count({ where: byNote }),
    lessons: await db.lesson.count({ where: { workshopId } }),
    evidence: await db.lessonEvidence.count({ where: { lesson: { workshopId } } }),
    stances: await db.stance.count({ where: { lesson: { workshopId } } }),
    passages: await db.passage.count({ where: { workshopId } }),
    sources: await db.source.count({ where: { workshopId } }),
    themes: await db.theme.count({ where: { workshopId } }),
  };
}

/** The recorded workshop, closed by its organizer with retention set to `days`; returns when it was closed. */
async function closedWithRetention(days: number) {
  const recorded = await createRecordedWorkshop();
  const organizer = viewerOf(recorded.organizer);
  await updateRetention({ viewer: organizer, workshopId: recorded.workshop.id, input: { retentionDays: days } });
  await changeWorkshopStatus({ viewer: organizer, workshopId: recorded.workshop.id, status: "CLOSED" });
  const { closedAt } = await prisma().workshop.findUniqueOrThrow({ where: { id: recorded.workshop.id }, select: { closedAt: true } });
  return { ...recorded, organizer, closedAt: closedAt! };
}

describe("retention", () => {
  it("deletes exactly the raw contributions once its day has come, keeps the record, and does it once", async () => {
    const { workshop, organizer, closedAt } = await closedWithRetention(30);
    // A retired generation of client ids keeps the note's old text (lib/notes/note-generation.ts).
    const { id: noteId } = await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId: workshop.id }, select: { id: true } });
    await prisma().meetingNoteGeneration.create({ data: { noteId, generation: 0, state: new Uint8Array([0, 0]) } });
    const before = await countsOf(workshop.id);
    expect(before).toMatchObject({ retiredGenerations: 1, annotations: 2, annotationThemes: 1, replies: 1, noteUpdates: 1, namedVersions: 1, signOffVersions: 1, lessons: 3, evidence: 1, stances: 7, passages: 3 });
    const lessonsBefore = (await exportLessons({ viewer: organizer, workshopId: workshop.id, format: "json", locale: "en" })).body;

    expect(await applyDueRetention(prisma(), { now: new Date(closedAt.getTime() + 30 * DAY - 60_000) })).toEqual([]);
    expect(await countsOf(workshop.id)).toEqual(before);

    const due = new Date(closedAt.getTime() + 30 * DAY);
    expect(await applyDueRetention(prisma(), { now: due })).toEqual([workshop.id]);
    const after = await countsOf(workshop.id);
    expect(after).toEqual({ ...before, annotations: 0, annotationThemes: 0, replies: 0, noteUpdates: 0, namedVersions: 0, retiredGenerations: 0, passages: 1 });
    expect(await prisma().passage.findMany({ where: { workshopId: workshop.id }, select: { exact: true } })).toEqual([{ exact: "Consent faded" }]);

    // The note reads as before (its last logged edit folded in), the signed-off note still exports, and the lessons say the same.
    const note = await exportNote({ viewer: organizer, workshopId: workshop.id, format: "md", locale: "en" });
    expect(note.body).toContain("The room discussed the mandate.");
    expect(note.body).toContain("A later edit.");
    expect(await prisma().meetingNote.findUniqueOrThrow({ where: { workshopId: workshop.id }, select: { signedOffAt: true } })).not.toMatchObject({ signedOffAt: null });
    expect((await exportLessons({ viewer: organizer, workshopId: workshop.id, format: "json", locale: "en" })).body).toBe(lessonsBefore);

    const stored = await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } });
    expect(stored.retentionAppliedAt).toEqual(due);
    expect(presentRetention(stored)).toEqual({ days: 30, closedOn: closedAt.toISOString().slice(0, 10), dueOn: null, appliedOn: due.toISOString().slice(0, 10) });

    // Idempotent: later runs find nothing to do and change nothing.
    expect(await applyDueRetention(prisma(), { now: new Date(due.getTime() + DAY) })).toEqual([]);
    expect(await countsOf(workshop.id)).toEqual(after);
  });

  it("is applied by one of two runs at once, never by both", async () => {
    const { workshop, closedAt } = await closedWithRetention(7);
    const now = new Date(closedAt.getTime() + 8 * DAY);
    const runs = await Promise.all([applyDueRetention(prisma(), { now }), applyDueRetention(prisma(), { now })]);
    expect(runs.flat().filter((id) => id === workshop.id)).toHaveLength(1);
  });

  it("waits while the workshop is open or retention is off, and counts from the day it was closed", async () => {
    const { workshop, organizer, closedAt } = await closedWithRetention(10);
    expect(presentRetention(await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } }))).toEqual({
      days: 10,
      closedOn: closedAt.toISOString().slice(0, 10),
      dueOn: new Date(closedAt.getTime() + 10 * DAY).toISOString().slice(0, 10),
      appliedOn: null,
    });
    await changeWorkshopStatus({ viewer: organizer, workshopId: workshop.id, status: "OPEN" });
    expect(await applyDueRetention(prisma(), { now: new Date(closedAt.getTime() + 100 * DAY) })).toEqual([]);
    await changeWorkshopStatus({ viewer: organizer, workshopId: workshop.id, status: "CLOSED" });
    await updateRetention({ viewer: organizer, workshopId: workshop.id, input: { retentionDays: null } });
    expect(await applyDueRetention(prisma(), { now: new Date(Date.now() + 100 * DAY) })).toEqual([]);
    expect((await countsOf(workshop.id)).annotations).toBe(2);
    // Archiving keeps the day it was closed: retention counts from it.
    await updateRetention({ viewer: organizer, workshopId: workshop.id, input: { retentionDays: 10 } });
    const { closedAt: reclosedAt } = await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } });
    await changeWorkshopStatus({ viewer: organizer, workshopId: workshop.id, status: "ARCHIVED" });
    expect((await prisma().workshop.findUniqueOrThrow({ where: { id: workshop.id } })).closedAt).toEqual(reclosedAt);
    expect(await applyDueRetention(prisma(), { now: new Date(reclosedAt!.getTime() + 10 * DAY) })).toEqual([workshop.id]);
  });

  it("is set by organizers only, with a clear refusal of a number of days out of bounds", async () => {
    const { workshop, organizer, participants, rapporteur } = await closedWithRetention(30);
    for (const retentionDays of [0, 3651, 1.5]) {
      await expectAppError(updateRetention({ viewer: organizer, workshopId: workshop.id, input: { retentionDays } }), "BAD_REQUEST", "fields.retentionDays");
    }
    await expectAppError(updateRetention({ viewer: organizer, workshopId: workshop.id, input: { retentionDays: "90" } as never }), "BAD_REQUEST");
    await expectAppError(updateRetention({ viewer: viewerOf(rapporteur), workshopId: workshop.id, input: { retentionDays: 90 } }), "FORBIDDEN", "forbidden");
    await expectAppError(updateRetention({ viewer: viewerOf(participants[0]!), workshopId: workshop.id, input: { retentionDays: 90 } }), "FORBIDDEN", "forbidden");
    expect((await updateRetention({ viewer: organizer, workshopId: workshop.id, input: { retentionDays: 90 } })).days).toBe(90);
  });
});
