import "server-only";
import { z } from "zod";
import { getPrisma, type PrismaClient, type Tx } from "@/lib/db";
import type { Locale } from "@/i18n/config";
import { CONSENSUS_CLASSES } from "@/lib/consensus/consensus";
import { canSee, type Audience } from "@/lib/annotations/audience";
import { loadLessonContext, tallyLessons } from "@/lib/lessons/context";
import { consensusOf } from "@/lib/lessons/present";
import { NO_OWNERSHIP } from "@/lib/ownership/ownership";
import { formatSourceCitation } from "@/lib/sources/format-citation";
import type { LessonReference, NoteReferences, PassageReference } from "./references";
import { lessonPhrase, type ReferencedIds } from "./resolve-note";

type Db = PrismaClient | Tx;

/**
 * What a note's references point at, for the resolver (./resolve-note.ts): its lessons with
 * their phrase, its passages with their source's citation. Lessons are read through the lessons
 * domain (the consensus rule is stated there once); a lesson hidden from the audience, deleted,
 * merged away or from another workshop is "missing". Without an audience (a server task), hidden
 * lessons are missing too.
 *
 * The phrase is the same for every reader (everyone's stances as they stood at the end of the
 * last batching window, nobody's own stance counted ahead of the others): the note is one shared
 * text. Once the note is signed off, its lessons come frozen from the SIGN_OFF version.
 */
export async function loadNoteReferences({
  workshopId,
  locale,
  ids,
  audience,
  db,
}: {
  workshopId: string;
  locale: Locale;
  ids: ReferencedIds;
  audience?: Audience;
  db?: Db;
}): Promise<NoteReferences> {
  const prisma = db ?? (await getPrisma());
  const note = await prisma.meetingNote.findUnique({ where: { workshopId }, select: { id: true, signedOffAt: true } });
  const frozen = note?.signedOffAt ? await frozenLessons(prisma, note.id) : null;
  const [lessons, passages] = await Promise.all([
    frozen ? pickFrozen(frozen, ids.lessonIds, locale) : loadLessons(prisma, workshopId, ids.lessonIds, locale, audience),
    loadPassages(prisma, workshopId, ids.passageIds, locale),
  ]);
  return { lessons, passages };
}

function missingLesson(lessonId: string, locale: Locale, mergedIntoId: string | null = null): LessonReference {
  return { lessonId, state: "missing", consensus: null, phrase: lessonPhrase(undefined, locale).phrase, statement: null, themeIds: [], mergedIntoId };
}

async function loadLessons(db: Db, workshopId: string, lessonIds: readonly string[], locale: Locale, audience: Audience | undefined) {
  const result: Record<string, LessonReference> = {};
  if (lessonIds.length === 0) return result;
  const rows = await db.lesson.findMany({ where: { id: { in: [...lessonIds] }, workshopId }, include: { themes: true } });
  const seen = audience ? (lesson: (typeof rows)[number]) => canSee(lesson, { kind: "lesson", id: lesson.id }, audience) : (lesson: (typeof rows)[number]) => !lesson.hiddenAt;
  const shown = rows.filter((lesson) => !lesson.mergedAt && seen(lesson));
  const [context, tallies] = await Promise.all([loadLessonContext(db, workshopId), tallyLessons(db, shown.map((lesson) => lesson.id), NO_OWNERSHIP)]);
  for (const lessonId of lessonIds) result[lessonId] = missingLesson(lessonId, locale);
  for (const lesson of rows) {
    if (lesson.mergedAt && seen(lesson)) result[lesson.id] = missingLesson(lesson.id, locale, lesson.mergedIntoId);
  }
  for (const lesson of shown) {
    const consensus = consensusOf(tallies.get(lesson.id)!, context)?.consensus ?? null;
    const state = context.held ? "held" : "live";
    result[lesson.id] = {
      lessonId: lesson.id,
      state,
      consensus,
      phrase: lessonPhrase({ state, consensus, phrase: "" }, locale).phrase,
      statement: lesson.statement,
      themeIds: lesson.themes.map((theme) => theme.themeId).sort(),
      mergedIntoId: null,
    };
  }
  return result;
}

async function loadPassages(db: Db, workshopId: string, passageIds: readonly string[], locale: Locale) {
  const result: Record<string, PassageReference> = {};
  if (passageIds.length === 0) return result;
  const rows = await db.passage.findMany({
    where: { id: { in: [...passageIds] }, workshopId },
    include: { source: { select: { id: true, title: true, authors: true, publisher: true, publishedOn: true, url: true } } },
  });
  for (const passage of rows) {
    result[passage.id] = {
      passageId: passage.id,
      citation: formatSourceCitation(passage.source, locale),
      sourceId: passage.source.id,
      sourceTitle: passage.source.title,
      quote: passage.exact,
      orphaned: passage.state === "ORPHANED",
    };
  }
  return result;
}

const ZLessonReference = z.object({
  lessonId: z.string(),
  state: z.enum(["live", "frozen", "held", "missing"]),
  consensus: z.enum(CONSENSUS_CLASSES).nullable(),
  phrase: z.string(),
  statement: z.string().nullable(),
  themeIds: z.array(z.string()),
  mergedIntoId: z.string().nullable(),
});
const ZFrozenReferences = z.object({ lessons: z.record(z.string(), ZLessonReference) });

/**
 * References as a SIGN_OFF version keeps them: live phrases become frozen (held and missing ones
 * stay what they were). What the sign-off stores in MeetingNoteVersion.references.
 */
export function freezeNoteReferences(references: NoteReferences): NoteReferences {
  const lessons = Object.fromEntries(
    Object.entries(references.lessons).map(([id, lesson]) => [id, lesson.state === "live" ? { ...lesson, state: "frozen" as const } : lesson]),
  );
  return { lessons, passages: references.passages };
}

async function frozenLessons(db: Db, noteId: string): Promise<Record<string, LessonReference>> {
  const version = await db.meetingNoteVersion.findFirst({
    where: { noteId, kind: "SIGN_OFF" },
    orderBy: { createdAt: "desc" },
    select: { references: true },
  });
  const parsed = ZFrozenReferences.safeParse(version?.references);
  return parsed.success ? freezeNoteReferences({ lessons: parsed.data.lessons, passages: {} }).lessons : {};
}

function pickFrozen(frozen: Record<string, LessonReference>, lessonIds: readonly string[], locale: Locale): Record<string, LessonReference> {
  return Object.fromEntries(lessonIds.map((id) => [id, frozen[id] ?? missingLesson(id, locale)]));
}
