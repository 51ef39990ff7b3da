import "server-only";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";

export const ZProfileInput = z.object({
  name: z.string().trim().max(100, "nameTooLong"),
  organization: z.string().trim().max(200, "organizationTooLong"),
});
export type ProfileInput = z.input<typeof ZProfileInput>;

/** The first sign-in's profile step: a display name is required there (the e-mail address never stands for it). */
export const ZFirstProfileInput = ZProfileInput.extend({
  name: z.string().trim().min(1, "nameRequired").max(100, "nameTooLong"),
});

/**
 * The viewer's own name and organization. Only organizers of the viewer's workshops see them
 * (in the member list); nothing shows them beside a contribution.
 */
export async function updateProfile({ viewer, input, requireName = false }: { viewer: Viewer; input: ProfileInput; requireName?: boolean }): Promise<void> {
  const { name, organization } = parseInput(requireName ? ZFirstProfileInput : ZProfileInput, input);
  const db = await getPrisma();
  await db.user.update({ where: { id: viewer.id }, data: { name: name || null, organization: organization || null } });
}

/** The viewer's own profile, for the account page. */
export async function getMyProfile({ viewer }: { viewer: Viewer }) {
  const db = await getPrisma();
  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { name: true, organization: true, email: true } });
  return { name: user.name ?? "", organization: user.organization ?? "", email: user.email };
}
