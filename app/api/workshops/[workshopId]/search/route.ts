import { NextResponse } from "next/server";
import { requireViewer } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { searchWorkshop } from "@/lib/search/search-workshop";
import { searchQueryFromParams } from "@/lib/search/query-params";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** Searches the workshop: ?q=…&kind=…&themeId=…&sourceId=… (lib/search/schemas.ts ZSearchQuery); { query, groups }. */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  const { searchParams } = new URL(request.url);
  return NextResponse.json(await searchWorkshop({ viewer, workshopId, query: searchQueryFromParams((name) => searchParams.get(name)) }));
});
