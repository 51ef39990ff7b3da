import { z } from "zod";
import { CONSENSUS_CLASSES } from "@/lib/consensus/consensus";
import { THEME_COLOR_KEYS } from "@/lib/themes/palette";

/**
 * The shapes presenters give out, as zod schemas for the API reference. Objects are strict: a
 * presenter that starts sending a field not described here fails the tests that parse real
 * responses with these (test/api/openapi-responses.test.ts), so nothing leaves undocumented.
 */

export const ZErrorBody = z
  .object({
    error: z
      .object({
        code: z.string().meta({ description: "BAD_REQUEST, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, GONE, UNPROCESSABLE, PAYLOAD_TOO_LARGE, RATE_LIMITED or INTERNAL." }),
        message: z.string().meta({ description: "What went wrong and what to do, in English." }),
        messageKey: z.string().optional().meta({ description: "The message's key in the app's `errors` catalog (for a translated text)." }),
        field: z.string().optional().meta({ description: "The input field at fault, for a 400." }),
        retryAfterSeconds: z.number().optional().meta({ description: "For a 429: when to try again." }),
      })
      .catchall(z.union([z.string(), z.number()])),
  })
  .meta({ id: "Error" });

export const ZCoarseTime = z
  .object({ day: z.string().meta({ description: "YYYY-MM-DD, UTC" }), partOfDay: z.enum(["night", "morning", "afternoon", "evening"]) })
  .strict()
  .meta({ id: "CoarseTime", description: "A time kept coarse on purpose: the UTC day and a six-hour part of it, never more." });

const ZRoleName = z.enum(["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"]);

export const ZPresentedWorkshop = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    date: z.string().nullable(),
    place: z.string().nullable(),
    attribution: z.enum(["CHATHAM_HOUSE", "ATTRIBUTED"]),
    status: z.enum(["OPEN", "CLOSED", "ARCHIVED"]),
    isDemo: z.boolean(),
    participantsEditNote: z.boolean(),
    sealedOn: z.string().nullable(),
    retention: z
      .object({ days: z.number().int().nullable(), closedOn: z.string().nullable(), dueOn: z.string().nullable(), appliedOn: z.string().nullable() })
      .strict()
      .meta({ description: "Days after closing when raw contributions are deleted (null: kept), and the days (YYYY-MM-DD) it counts from, is due and was applied." }),
    myRole: ZRoleName,
    can: z.record(z.string(), z.boolean()).meta({ description: "What the viewer may do here, per policy action (lib/workshops/policy.ts)." }),
  })
  .strict()
  .meta({ id: "Workshop" });

export const ZSourceSummary = z
  .object({
    id: z.string(),
    format: z.enum(["TEXT", "MARKDOWN", "HTML", "PDF", "DOCX"]),
    wordCount: z.number().int(),
    title: z.string(),
    authors: z.array(z.string()),
    publisher: z.string().nullable(),
    publishedOn: z.string().nullable(),
    url: z.string().nullable(),
    shortCitation: z.string(),
  })
  .strict()
  .meta({ id: "SourceSummary" });

export const ZTheme = z
  .object({ id: z.string(), name: z.string(), description: z.string().nullable(), color: z.enum(THEME_COLOR_KEYS as [string, ...string[]]), position: z.number().int() })
  .strict()
  .meta({ id: "Theme" });

export const ZThemeProposal = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    reason: z.string().nullable(),
    status: z.enum(["PENDING", "ACCEPTED", "DECLINED"]),
    response: z.string().nullable(),
    themeId: z.string().nullable(),
    mine: z.boolean(),
    when: ZCoarseTime,
    decidedWhen: ZCoarseTime.nullable(),
  })
  .strict()
  .meta({ id: "ThemeProposal" });

export const ZPassage = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }).strict(),
    start: z.number().int().nullable(),
    end: z.number().int().nullable(),
    state: z.enum(["PLACED", "MOVED", "ORPHANED"]),
    isOrphan: z.boolean(),
  })
  .strict()
  .meta({ id: "Passage" });

const ZStanceKind = z.enum(["ENDORSE", "DISPUTE"]);
const ZStanceCounts = z.object({ endorse: z.number().int(), dispute: z.number().int(), eligible: z.number().int() }).strict();

export const ZLesson = z
  .object({
    id: z.string(),
    statement: z.string(),
    elaboration: z.string().nullable(),
    themeIds: z.array(z.string()),
    evidence: z.array(
      z.object({ id: z.string(), note: z.string().nullable(), passage: ZPassage, source: z.object({ id: z.string(), title: z.string() }).strict() }).strict(),
    ),
    strength: z.object({ passages: z.number().int(), sources: z.number().int() }).strict(),
    consensus: z
      .object({
        consensus: z.enum(CONSENSUS_CLASSES),
        counts: ZStanceCounts.nullable().meta({ description: "Only where no count singles anyone out (docs/CONSENSUS.md); null otherwise." }),
      })
      .strict()
      .nullable()
      .meta({ description: "Null while stances are held back." }),
    agreement: z.number().nullable(),
    myStance: ZStanceKind.nullable(),
    mine: z.boolean(),
    isHidden: z.boolean(),
    isEdited: z.boolean(),
    inNote: z.boolean(),
    when: ZCoarseTime,
  })
  .strict()
  .meta({ id: "Lesson", description: "A lesson as one viewer sees it: `mine` and `myStance`, never who wrote it or who took which stance." });

export const ZLessonBoard = z
  .object({
    lessons: z.array(ZLesson),
    held: z.boolean(),
    notices: z.array(z.object({ lessonId: z.string() }).strict()),
    thresholds: z.record(z.string(), z.number()),
  })
  .strict()
  .meta({ id: "LessonBoard" });

export const ZWorkshopOverview = z
  .object({ workshop: ZPresentedWorkshop, sources: z.array(ZSourceSummary), themes: z.array(ZTheme) })
  .strict()
  .meta({ id: "WorkshopOverview" });

export const ZHealth = z.object({ ok: z.boolean() }).catchall(z.unknown()).meta({ id: "Health", description: "ok: the database answers and its migrations are up to date (503 otherwise)." });

/** A presented object not described field by field yet: its shape is in the presenter named. */
export function presentedBy(presenter: string) {
  return z.record(z.string(), z.unknown()).meta({ description: `As presented by ${presenter}.` });
}
