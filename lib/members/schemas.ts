import { z } from "zod";

export const ZRole = z.enum(["ORGANIZER", "RAPPORTEUR", "PARTICIPANT", "OBSERVER"], { message: "roleInvalid" });
export const ZEmail = z.string().trim().toLowerCase().max(254, "emailInvalid").pipe(z.email({ message: "emailInvalid" }));

export const ZInviteInput = z.object({ email: ZEmail, role: ZRole });
export type InviteInput = z.input<typeof ZInviteInput>;
