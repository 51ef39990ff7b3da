import { NextResponse } from "next/server";
import { requireViewer } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { getWorkshopOverview } from "@/lib/workshops/get-workshop-overview";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** One workshop with its sources and themes, for its members; 404 for everyone else. */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  return NextResponse.json(await getWorkshopOverview({ viewer, workshopId }));
});
