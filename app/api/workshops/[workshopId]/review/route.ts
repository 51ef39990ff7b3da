import { NextResponse } from "next/server";
import { requireViewer } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { getReview } from "@/lib/review/get-review";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** The review of the workshop (lib/review/schemas.ts, ZReview); `?themeId=` narrows source coverage to one theme. */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  const themeId = new URL(request.url).searchParams.get("themeId");
  return NextResponse.json(await getReview({ viewer, workshopId, query: themeId === null ? {} : { themeId } }));
});
