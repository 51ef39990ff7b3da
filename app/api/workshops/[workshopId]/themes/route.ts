import { NextResponse } from "next/server";
import { requireViewer } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { findThemes } from "@/lib/themes/find-themes";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** The workshop's codebook, in order. */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  return NextResponse.json({ themes: await findThemes({ viewer, workshopId }) });
});
