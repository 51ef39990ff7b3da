import type { Tx } from "@/lib/db";
import { describeRange } from "@/lib/anchoring/describe";
import { claimContribution } from "@/lib/ownership/claim-contribution";
import { newId } from "@/lib/ownership/ids";
import { ownershipOf } from "@/lib/ownership/ownership";
import { ensureWorkshopKey } from "@/lib/ownership/workshop-key";
import { DEMO_ANNOTATIONS, DEMO_LESSONS, type DemoQuote } from "./demo-contributions";

export interface DemoWorkshopRows {
  workshop: { id: string; attribution: "CHATHAM_HOUSE" | "ATTRIBUTED" };
  /** User ids by demo person key. */
  people: ReadonlyMap<string, string>;
  /** The sources in DEMO_SOURCES order. */
  sources: ReadonlyArray<{ id: string; text: string; revision: number }>;
  /** Theme ids in DEMO_THEMES order. */
  themeIds: readonly string[];
}

/**
 * Writes the demo people's annotations, lessons, evidence and stances into the freshly seeded
 * workshop, inside the seed's transaction, tagged with their owners exactly as the app tags
 * what people write (lib/ownership/), so that each demo person sees their own as theirs.
 */
export async function seedDemoContributions(tx: Tx, rows: DemoWorkshopRows): Promise<void> {
  const passages = new Map<string, string>();
  const person = (key: string) => rows.people.get(key) ?? missing(`demo person ${key}`);

  async function passageOf({ source, quote }: DemoQuote): Promise<string> {
    const key = `${source}\u0000${quote}`;
    const known = passages.get(key);
    if (known) return known;
    const { id: sourceId, text, revision } = rows.sources[source] ?? missing(`demo source ${source}`);
    const found = findQuote(text, quote) ?? missing(`the quote “${quote}” in demo source ${source}`);
    const { quote: selector, position } = describeRange(text, found.start, found.end);
    const passage = await tx.passage.create({
      data: { workshopId: rows.workshop.id, sourceId, revision, exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix, start: position.start, end: position.end, state: "PLACED" },
    });
    passages.set(key, passage.id);
    return passage.id;
  }

  const themeId = (index: number) => rows.themeIds[index] ?? missing(`demo theme ${index}`);

  for (const annotation of DEMO_ANNOTATIONS) {
    const id = newId();
    const ownerTag = await claimContribution(tx, { workshop: rows.workshop, userId: person(annotation.by), kind: "ANNOTATION", id });
    await tx.annotation.create({
      data: {
        id,
        workshopId: rows.workshop.id,
        passageId: await passageOf(annotation),
        ownerTag,
        comment: annotation.comment,
        themes: { create: annotation.themes.map((index) => ({ themeId: themeId(index) })) },
      },
    });
  }

  const key = await ensureWorkshopKey(tx, rows.workshop.id);
  for (const lesson of DEMO_LESSONS) {
    const id = newId();
    const authorId = person(lesson.by);
    const evidence = [];
    for (const item of lesson.evidence) {
      const evidenceId = newId();
      const evidenceTag = await claimContribution(tx, { workshop: rows.workshop, userId: authorId, kind: "EVIDENCE", id: evidenceId });
      evidence.push({ id: evidenceId, passageId: await passageOf(item), note: item.note, ownerTag: evidenceTag });
    }
    await tx.lesson.create({
      data: {
        id,
        workshopId: rows.workshop.id,
        ownerTag: await claimContribution(tx, { workshop: rows.workshop, userId: authorId, kind: "LESSON", id }),
        statement: lesson.statement,
        elaboration: lesson.elaboration,
        themes: { create: lesson.themes.map((index) => ({ themeId: themeId(index) })) },
        evidence: { create: evidence },
        stances: {
          create: Object.entries(lesson.stances).map(([who, kind]) => ({
            ownerTag: ownershipOf(key, person(who)).tagFor({ kind: "stance", lessonId: id }),
            kind: kind === "E" ? ("ENDORSE" as const) : ("DISPUTE" as const),
          })),
        },
      },
    });
  }
}

/**
 * Where a quote is in a source's text. Spaces in the quote match any run of white space: the
 * corpus files carry no-break spaces where their authors typed them.
 */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  const pattern = quote
    .split(/\s+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("\\s+");
  const match = new RegExp(pattern).exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

function missing(what: string): never {
  throw new Error(`The demo seed could not find ${what}.`);
}
