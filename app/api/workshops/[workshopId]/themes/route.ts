import { NextResponse } from "next/server";
import { requireViewer, requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { findThemes } from "@/lib/themes/find-themes";
import { createTheme } from "@/lib/themes/create-theme";
import type { CreateThemeInput } from "@/lib/themes/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** The workshop's codebook, in order. */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  return NextResponse.json({ themes: await findThemes({ viewer, workshopId }) });
});

/** Adds a theme at the end: { name, description?, color? } (organizers). */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  const input = (await readJsonBody(request)) as CreateThemeInput;
  return NextResponse.json({ theme: await createTheme({ viewer, workshopId, input }) }, { status: 201 });
});
