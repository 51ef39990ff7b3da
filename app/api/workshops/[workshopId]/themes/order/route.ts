import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { reorderThemes } from "@/lib/themes/reorder-themes";
import type { ReorderThemesInput } from "@/lib/themes/schemas";

type Context = { params: Promise<{ workshopId: string }> };

/** Reorders the codebook: { themeIds } (the whole order) or { themeId, direction: "up" | "down" } (organizers). */
export const PUT = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  const input = (await readJsonBody(request)) as ReorderThemesInput;
  return NextResponse.json({ themes: await reorderThemes({ viewer, workshopId, input }) });
});
