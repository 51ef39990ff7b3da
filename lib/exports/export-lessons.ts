import "server-only";
import { createTranslator } from "next-intl";
import { getPrisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { csvField, slugify } from "@/lib/annotations/export-annotations";
import { describeConsensus } from "@/lib/consensus/consensus";
import { consensusWording, methodsSentence } from "@/lib/consensus/wording";
import { loadLessonContext, tallyLessons } from "@/lib/lessons/context";
import { NO_OWNERSHIP } from "@/lib/ownership/ownership";
import { passageHref } from "@/lib/passages/present";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/config";
import { ZLessonsExportFormat, type ExportedLesson, type LessonsExport } from "./schemas";
import type { ExportFile } from "./types";

/** Lessons with what the export says of them: the workshop's, loaded once for every format. */
async function loadExportedLessons(workshopId: string, locale: Locale): Promise<{ held: boolean; methods: string; lessons: ExportedLesson[] }> {
  const db = await getPrisma();
  const [rows, themes, context] = await Promise.all([
    // The record: no hidden lesson (whoever exports), no merged duplicate.
    db.lesson.findMany({
      where: { workshopId, mergedAt: null, hiddenAt: null },
      select: {
        id: true,
        statement: true,
        elaboration: true,
        themes: { select: { themeId: true } },
        evidence: {
          select: {
            note: true,
            passage: { select: { id: true, exact: true, start: true, state: true, sourceId: true, source: { select: { title: true, shortCitation: true, position: true } } } },
          },
        },
      },
    }),
    db.theme.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, name: true, position: true } }),
    loadLessonContext(db, workshopId),
  ]);
  // Counted as nobody: the export is the same file whoever downloads it (no "my stance").
  const tallies = await tallyLessons(db, rows.map((row) => row.id), NO_OWNERSHIP, { workshopId });
  const themeById = new Map(themes.map((theme) => [theme.id, theme]));
  const appUrl = getEnv().APP_URL;
  const lessons = rows.map((row) => {
    const tally = tallies.get(row.id)!;
    const described = context.held ? null : describeConsensus({ endorse: tally.endorse, dispute: tally.dispute, eligible: context.eligible }, context.thresholds);
    const evidence = [...row.evidence].sort(
      (a, b) => a.passage.source.position - b.passage.source.position || (a.passage.start ?? Infinity) - (b.passage.start ?? Infinity) || a.passage.id.localeCompare(b.passage.id),
    );
    const placed = evidence.filter((item) => item.passage.state !== "ORPHANED");
    const ordered = row.themes.map(({ themeId }) => themeById.get(themeId)).filter((theme) => theme !== undefined).sort((a, b) => a.position - b.position);
    const exported: ExportedLesson = {
      statement: row.statement,
      elaboration: row.elaboration,
      themes: ordered.map((theme) => theme.name),
      consensus: described && { class: described.consensus, ...consensusWording(described.consensus, locale), counts: described.counts },
      strength: { passages: new Set(placed.map((item) => item.passage.id)).size, sources: new Set(placed.map((item) => item.passage.sourceId)).size },
      inNote: context.noteLessonIds.has(row.id),
      evidence: evidence.map((item) => ({
        source: { title: item.passage.source.title, shortCitation: item.passage.source.shortCitation },
        quote: item.passage.exact,
        note: item.note,
        isOrphan: item.passage.state === "ORPHANED",
        href: `${appUrl}${passageHref(workshopId, item.passage.sourceId, item.passage.id)}`,
      })),
    };
    return { exported, firstTheme: ordered[0]?.position ?? Infinity };
  });
  // Codebook order, then alphabetically: never by creation time, which would hint at who spoke when.
  lessons.sort((a, b) => a.firstTheme - b.firstTheme || a.exported.statement.localeCompare(b.exported.statement));
  return { held: context.held, methods: methodsSentence(locale, context.thresholds), lessons: lessons.map((lesson) => lesson.exported) };
}

/**
 * The workshop's lessons as a file: JSON (ZLessonsExport) or CSV, one row per lesson with its
 * themes, consensus phrase (lib/consensus/wording.ts) and counts where the small-numbers rule
 * allows, evidence strength and the passages it rests on. Aggregated: never one row per person,
 * no author, no stance of anyone, no time.
 */
export async function exportLessons({ viewer, workshopId, format, locale }: { viewer: Viewer; workshopId: string; format: string | null | undefined; locale: Locale }): Promise<ExportFile> {
  const parsed = ZLessonsExportFormat.safeParse(format);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", "fields.invalid", "Unknown export format: use format=csv or format=json.", { field: "format" });
  }
  const { workshop } = await requireWorkshopPermission(viewer, workshopId, "exports.download");
  const { held, methods, lessons } = await loadExportedLessons(workshopId, locale);
  const base = `${slugify(workshop.title)}-lessons`;
  if (parsed.data === "csv") {
    return { filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: lessonsCsv(lessons, locale) };
  }
  const file: LessonsExport = {
    format: "rapporteur-lessons",
    version: 1,
    workshop: { title: workshop.title, date: workshop.date ? workshop.date.toISOString().slice(0, 10) : null, place: workshop.place },
    language: locale,
    held,
    methods,
    lessons,
  };
  return { filename: `${base}.json`, contentType: "application/json; charset=utf-8", body: `${JSON.stringify(file, null, 2)}\n` };
}

const BOM = "\uFEFF";
const CRLF = "\r\n";

function lessonsCsv(lessons: ExportedLesson[], locale: Locale): string {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "exports.lessonColumns" });
  const columns = ["themes", "statement", "elaboration", "consensus", "endorse", "dispute", "eligible", "passages", "sources", "inNote", "evidence"] as const;
  const header = columns.map((column) => t(column));
  const rows = lessons.map((lesson) => [
    lesson.themes.join("; "),
    lesson.statement,
    lesson.elaboration,
    lesson.consensus?.label ?? t("held"),
    lesson.consensus?.counts?.endorse ?? "",
    lesson.consensus?.counts?.dispute ?? "",
    lesson.consensus?.counts?.eligible ?? "",
    lesson.strength.passages,
    lesson.strength.sources,
    lesson.inNote ? t("yes") : t("no"),
    lesson.evidence.map((item) => `“${item.quote}” (${item.source.shortCitation || item.source.title})${item.note ? `: ${item.note}` : ""}`).join("\n"),
  ]);
  return BOM + [header, ...rows].map((fields) => fields.map(csvField).join(",")).join(CRLF) + CRLF;
}
