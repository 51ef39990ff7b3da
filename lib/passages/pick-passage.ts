import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { describeRange } from "@/lib/anchoring/describe";
import { isAnchoringError } from "@/lib/anchoring/errors";
import type { Passage } from "@/lib/generated/prisma/client";
import { lockSource } from "./lock-source";

export interface PickPassageInput {
  workshopId: string;
  sourceId: string;
  start: number;
  end: number;
  /** The source revision the offsets were taken from; refused if the text changed since. */
  revision?: number;
}

/** The selectors of a range of the source's text, or a clear error for a bad selection. */
function describeSelection(text: string, start: number, end: number) {
  try {
    return describeRange(text, start, end);
  } catch (error) {
    if (!isAnchoringError(error)) throw error;
    if (error.code === "TOO_LONG") throw new AppError("PAYLOAD_TOO_LARGE", "fields.selectionTooLong", error.message, { field: "end" });
    throw new AppError("BAD_REQUEST", "fields.selectionInvalid", error.message, { field: "start" });
  }
}

/**
 * The passage for a span of a source's current text: the one already there (annotations,
 * evidence and footnotes on the same words share it), or a new one. Runs inside the caller's
 * transaction, with the source locked so that two people picking the same words at once get
 * one passage, and a revision cannot move the text under the offsets.
 */
export async function pickPassage(tx: Tx, { workshopId, sourceId, start, end, revision }: PickPassageInput): Promise<Passage> {
  const source = await lockSource(tx, workshopId, sourceId);
  if (!source) throw notFound("Source");
  if (revision !== undefined && revision !== source.revision) {
    throw new AppError("CONFLICT", "sourceRevisedMeanwhile", "Someone revised this text meanwhile. Reload the page and select the passage again.");
  }
  const { quote, position } = describeSelection(source.text, start, end);
  const existing = await tx.passage.findFirst({
    where: { sourceId, start: position.start, end: position.end, state: { not: "ORPHANED" } },
    orderBy: { id: "asc" },
  });
  if (existing) return existing;
  return tx.passage.create({
    data: {
      workshopId,
      sourceId,
      revision: source.revision,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
      state: "PLACED",
    },
  });
}
