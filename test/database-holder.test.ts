/**
 * The database holder: someone with a copy of every table (an operator, a backup, a subpoena)
 * tries to learn who wrote what. Before sealing, without the server's secret, nothing links a
 * contribution to a person; after sealing, not even with the secret and every user id.
 */
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { registerTestDatabase } from "./db";
import { createLessonRow, createMember, createSource, createTheme, createWorkshop, viewerOf } from "./factories";
import { createLesson } from "@/lib/lessons/create-lesson";
import { mergeLessons } from "@/lib/lessons/merge-lessons";
import { setStance } from "@/lib/lessons/set-stance";
import { getEnv } from "@/lib/env";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { createReply } from "@/lib/annotations/replies";
import { proposeTheme } from "@/lib/themes/propose-theme";
import { sealWorkshop } from "@/lib/ownership/seal-workshop";
import { openStoredKey } from "@/lib/ownership/key-crypto";
import { ownerTag } from "@/lib/ownership/owner-tag";
import { ensureWorkshopKey } from "@/lib/ownership/workshop-key";
import { ownershipOf } from "@/lib/ownership/ownership";

const prisma = registerTestDatabase();

/** Tables whose rows are contributions (or hold the key that ties them to authors). */
const CONTRIBUTION_TABLES = ["Annotation", "AnnotationReply", "ThemeProposal", "Lesson", "LessonEvidence", "Stance", "LessonMergeNotice", "Passage", "MeetingNoteUpdate", "MeetingNoteVersion", "MeetingNoteGeneration"];

type Dump = Record<string, Record<string, unknown>[]>;

/** Every row of every table, as a dump would hold them (bytea as hex strings). */
async function dumpEverything(): Promise<Dump> {
  const tables = await prisma().$queryRaw<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`;
  const dump: Dump = {};
  for (const { name } of tables) {
    const rows = await prisma().$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
    dump[name] = rows.map(({ row }) => JSON.parse(row) as Record<string, unknown>);
  }
  return dump;
}

/** Every byte string in the dump: the candidates an attacker would try as keys. */
function byteStrings(dump: Dump): Buffer[] {
  return Object.values(dump)
    .flat()
    .flatMap((row) => Object.values(row))
    .filter((value): value is string => typeof value === "string" && /^\\x[0-9a-f]+$/.test(value))
    .map((value) => Buffer.from(value.slice(2), "hex"));
}

const SCOPES = { Annotation: "annotation", AnnotationReply: "reply", ThemeProposal: "proposal", Lesson: "lesson", LessonEvidence: "evidence" } as const;
/** Tables whose tags are scoped to their lesson (one stance per member per lesson), not to the row. */
const LESSON_SCOPED = ["Stance", "LessonMergeNotice"] as const;

/** Every (contribution, person) pair that the dump plus `keys` would tie together. */
function linksFound(dump: Dump, userIds: string[], keys: Buffer[]): string[] {
  const links: string[] = [];
  for (const [table, scope] of Object.entries(SCOPES)) {
    for (const row of dump[table] ?? []) {
      const tag = row.ownerTag as string | null;
      for (const userId of userIds) {
        const serialized = JSON.stringify(row);
        if (serialized.includes(userId)) links.push(`${table} ${row.id} holds ${userId}`);
        if (tag && keys.some((key) => ownerTag(key, `${scope}:${row.id}`, userId) === tag)) links.push(`${table} ${row.id} ← ${userId}`);
      }
    }
  }
  for (const table of LESSON_SCOPED) {
    for (const row of dump[table] ?? []) {
      const tag = row.ownerTag as string | null;
      for (const userId of userIds) {
        if (JSON.stringify(row).includes(userId)) links.push(`${table} ${row.id} holds ${userId}`);
        if (tag && keys.some((key) => ownerTag(key, `stance:${row.lessonId}`, userId) === tag)) links.push(`${table} ${row.id} ← ${userId}`);
      }
    }
  }
  return links;
}

async function roundtable() {
  const workshop = await createWorkshop({ title: "Holder test" });
  const organizer = viewerOf((await createMember(workshop.id, "ORGANIZER")).user);
  const people = await Promise.all([0, 1, 2].map(async () => viewerOf((await createMember(workshop.id, "PARTICIPANT")).user)));
  const source = await createSource(workshop.id, { text: "Consent of the host state faded over the years, and partners stepped in late." });
  for (const [index, person] of people.entries()) {
    const annotation = await createAnnotation({ viewer: person, workshopId: workshop.id, sourceId: source.id, input: { start: index * 8, end: index * 8 + 7, comment: `Comment ${index}` } });
    await createReply({ viewer: people[(index + 1) % 3]!, workshopId: workshop.id, annotationId: annotation.id, input: { body: `Reply ${index}` } });
    await proposeTheme({ viewer: person, workshopId: workshop.id, input: { name: `Theme ${index}`, reason: "Recurring" } });
    await createLessonRow(workshop.id, person.id, [], `Lesson ${index}`);
  }
  // Stances, tagged per lesson as the lessons code will write them.
  const key = await ensureWorkshopKey(prisma(), workshop.id);
  for (const lesson of await prisma().lesson.findMany({ where: { workshopId: workshop.id } })) {
    for (const person of people) {
      await prisma().stance.create({ data: { lessonId: lesson.id, kind: "ENDORSE", ownerTag: ownershipOf(key, person.id).tagFor({ kind: "stance", lessonId: lesson.id }) } });
    }
  }
  // Through the lessons code: evidence, a merge, and a notice for the member whose stances conflicted.
  const theme = await createTheme(workshop.id, "Consent");
  const write = (viewer: (typeof people)[number], statement: string) =>
    createLesson({ viewer, workshopId: workshop.id, input: { statement, themeIds: [theme.id], evidence: [{ sourceId: source.id, start: 0, end: 7, note: "Here" }] } });
  const kept = await write(people[0]!, "Consent faded.");
  const duplicate = await write(people[1]!, "Consent eroded.");
  for (const lessonId of [kept.id, duplicate.id]) await setStance({ viewer: people[0]!, workshopId: workshop.id, lessonId, input: { stance: "ENDORSE" } });
  await setStance({ viewer: people[2]!, workshopId: workshop.id, lessonId: kept.id, input: { stance: "ENDORSE" } });
  await setStance({ viewer: people[2]!, workshopId: workshop.id, lessonId: duplicate.id, input: { stance: "DISPUTE" } });
  await mergeLessons({ viewer: organizer, workshopId: workshop.id, lessonId: kept.id, input: { fromLessonId: duplicate.id } });
  expect(await prisma().lessonMergeNotice.count({ where: { workshopId: workshop.id } })).toBe(1);
  return { workshopId: workshop.id, organizer, people };
}

describe("a copy of the whole database", () => {
  it("links nothing to anyone without the server's secret, even while the workshop is open", async () => {
    const { people, organizer } = await roundtable();
    const dump = await dumpEverything();
    const userIds = [...people, organizer].map((person) => person.id);

    // No contribution row names a user, in any column.
    for (const table of CONTRIBUTION_TABLES) {
      for (const row of dump[table] ?? []) for (const userId of userIds) expect(JSON.stringify(row), `${table}`).not.toContain(userId);
    }
    // Tags cannot even be grouped: one person's contributions carry unrelated tags.
    const tags = [...Object.keys(SCOPES), ...LESSON_SCOPED].flatMap((table) => (dump[table] ?? []).map((row) => row.ownerTag));
    expect(tags.length).toBeGreaterThanOrEqual(26);
    expect(new Set(tags).size).toBe(tags.length);
    // Whatever bytes the dump holds, used as a key, tie no contribution to anyone.
    const candidates = byteStrings(dump);
    expect(candidates.length).toBeGreaterThan(0);
    expect(linksFound(dump, userIds, candidates)).toEqual([]);

    // What the secret adds (and why it must be kept apart from the database): with it, they link.
    const keyRow = dump.WorkshopOwnershipKey!.find((row) => row.workshopId)!;
    const opened = openStoredKey(Buffer.from(String(keyRow.encryptedKey).slice(2), "hex"), getEnv().OWNERSHIP_SECRET, String(keyRow.workshopId));
    expect(opened).not.toBeNull();
    const links = linksFound(dump, userIds, [opened!]);
    expect(links.length).toBeGreaterThanOrEqual(26);
    for (const table of ["LessonEvidence", "Stance", "LessonMergeNotice"]) expect(links.some((link) => link.startsWith(`${table} `)), table).toBe(true);
  });

  it("links nothing to anyone after sealing, even with the server's secret and every user id", async () => {
    const { workshopId, organizer, people } = await roundtable();
    await sealWorkshop({ viewer: organizer, workshopId });
    const dump = await dumpEverything();
    const userIds = (await prisma().user.findMany({ select: { id: true } })).map((user) => user.id);
    const secret = getEnv().OWNERSHIP_SECRET;

    expect(dump.WorkshopOwnershipKey!.filter((row) => row.workshopId === workshopId)).toEqual([]);
    expect((dump.Attribution ?? []).filter((row) => row.workshopId === workshopId)).toEqual([]);
    expect(dump.PendingOwnership ?? []).toEqual([]);
    const ownRows = [
      ...(dump.Annotation ?? []).filter((row) => row.workshopId === workshopId),
      ...(dump.ThemeProposal ?? []).filter((row) => row.workshopId === workshopId),
      ...(dump.Lesson ?? []).filter((row) => row.workshopId === workshopId),
    ];
    // 3 annotations, 3 proposals, 3 + 2 lessons (one of them the merged duplicate).
    expect(ownRows.length).toBe(11);
    expect(ownRows.every((row) => row.ownerTag === null)).toBe(true);
    const annotationIds = new Set((dump.Annotation ?? []).filter((row) => row.workshopId === workshopId).map((row) => row.id));
    const lessonIds = new Set((dump.Lesson ?? []).filter((row) => row.workshopId === workshopId).map((row) => row.id));
    const replies = (dump.AnnotationReply ?? []).filter((row) => annotationIds.has(row.annotationId));
    const stances = (dump.Stance ?? []).filter((row) => lessonIds.has(row.lessonId));
    const evidence = (dump.LessonEvidence ?? []).filter((row) => lessonIds.has(row.lessonId));
    // 9 stances on the three lessons, and the one endorsement both lessons had from one member.
    expect([replies.length, stances.length, evidence.length]).toEqual([3, 10, 1]);
    expect([...replies, ...stances, ...evidence].every((row) => row.ownerTag === null)).toBe(true);
    expect((dump.LessonMergeNotice ?? []).filter((row) => row.workshopId === workshopId)).toEqual([]);

    // Every byte string, opened with the secret as a key of this workshop, or used raw: nothing links.
    const opened = byteStrings(dump)
      .map((bytes) => openStoredKey(bytes, secret, workshopId))
      .filter((key): key is Buffer => key !== null);
    expect(opened).toEqual([]);
    expect(linksFound(dump, userIds, byteStrings(dump))).toEqual([]);
    // And guessing: no random key either (a sanity check that the search itself can find links).
    const guessed = crypto.randomBytes(32);
    expect(linksFound(dump, people.map((person) => person.id), [guessed])).toEqual([]);
  });
});
