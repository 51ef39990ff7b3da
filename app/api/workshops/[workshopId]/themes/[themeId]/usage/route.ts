import { NextResponse } from "next/server";
import { requireViewer } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { getThemeUsage } from "@/lib/themes/get-theme-usage";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string; themeId: string }> };

/** How many annotations and lessons carry the theme, and how many carry nothing else (organizers). */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId, themeId } = await params;
  return NextResponse.json({ usage: await getThemeUsage({ viewer, workshopId, themeId }) });
});
