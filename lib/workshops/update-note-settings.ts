import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { notifyNoteStatus } from "@/lib/realtime/hub";
import { parseInput } from "@/lib/validation";
import { requireWorkshopPermission } from "./access";

export const ZNoteSettingsInput = z.object({ participantsEditNote: z.boolean({ message: "participantsEditNoteInvalid" }) }).strict();
export type NoteSettingsInput = z.input<typeof ZNoteSettingsInput>;

export interface NoteSettings {
  participantsEditNote: boolean;
}

/**
 * Decides who writes the meeting note (organizers): participants too, or only organizers and
 * rapporteurs (observers never write). Open editors are told, and join again to learn whether
 * they may still edit; the socket layer checks every update against the setting anyway.
 */
export async function updateNoteSettings({ viewer, workshopId, input }: { viewer: Viewer; workshopId: string; input: NoteSettingsInput }): Promise<NoteSettings> {
  const { participantsEditNote } = parseInput(ZNoteSettingsInput, input);
  await requireWorkshopPermission(viewer, workshopId, "note.settings");
  const db = await getPrisma();
  await db.workshop.update({ where: { id: workshopId }, data: { participantsEditNote } });
  notifyNoteStatus(workshopId);
  return { participantsEditNote };
}
