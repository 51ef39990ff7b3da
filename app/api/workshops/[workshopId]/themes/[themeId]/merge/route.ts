import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { mergeThemes } from "@/lib/themes/merge-themes";
import type { MergeThemesInput } from "@/lib/themes/schemas";

type Context = { params: Promise<{ workshopId: string; themeId: string }> };

/** Merges this theme into another of the codebook: { targetId } (organizers). */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, themeId } = await params;
  const input = (await readJsonBody(request)) as MergeThemesInput;
  return NextResponse.json(await mergeThemes({ viewer, workshopId, themeId, input }));
});
