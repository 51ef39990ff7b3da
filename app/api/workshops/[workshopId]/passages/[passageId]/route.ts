import { NextResponse } from "next/server";
import { requireViewer } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { getPassage } from "@/lib/passages/get-passage";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string; passageId: string }> };

/** One passage, cited (quote, source, link into the reader). */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId, passageId } = await params;
  return NextResponse.json({ passage: await getPassage({ viewer, workshopId, passageId }) });
});
