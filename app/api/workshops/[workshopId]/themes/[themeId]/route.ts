import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { updateTheme } from "@/lib/themes/update-theme";
import { deleteTheme } from "@/lib/themes/delete-theme";
import type { UpdateThemeInput } from "@/lib/themes/schemas";

type Context = { params: Promise<{ workshopId: string; themeId: string }> };

/** Renames, describes or recolours a theme: { name?, description?, color? } (organizers). */
export const PATCH = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, themeId } = await params;
  const input = (await readJsonBody(request)) as UpdateThemeInput;
  return NextResponse.json({ theme: await updateTheme({ viewer, workshopId, themeId, input }) });
});

/** Deletes a theme and its tags; answers what it touched (organizers). */
export const DELETE = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, themeId } = await params;
  return NextResponse.json({ usage: await deleteTheme({ viewer, workshopId, themeId }) });
});
