import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { requireNotePermission } from "../note-access";
import { keepNoteVersion, readNoteSnapshot } from "./keep-note-version";
import { presentNoteVersion, type PresentedNoteVersion } from "./present";

export const MAX_VERSION_NAME = 120;

export const ZSaveNoteVersionInput = z
  .object({
    name: z
      .string({ message: "versionNameRequired" })
      .trim()
      .min(1, { message: "versionNameRequired" })
      .max(MAX_VERSION_NAME, { message: "versionNameTooLong" }),
  })
  .strict();
export type SaveNoteVersionInput = z.input<typeof ZSaveNoteVersionInput>;

/** Keeps the note as it is now under a name (whoever may write the note). Says nothing of who. */
export async function saveNoteVersion({ viewer, workshopId, input }: { viewer: Viewer; workshopId: string; input: SaveNoteVersionInput }): Promise<PresentedNoteVersion> {
  const { name } = parseInput(ZSaveNoteVersionInput, input);
  await requireNotePermission(viewer, workshopId, "note.versions.save");
  const version = await keepNoteVersion(await getPrisma(), await readNoteSnapshot(workshopId), { kind: "NAMED", name });
  return presentNoteVersion(version);
}
