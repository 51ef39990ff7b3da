import { NextResponse } from "next/server";
import { requireViewer } from "@/lib/auth/session";
import { assertSameOrigin } from "@/lib/csrf";
import { readJsonBody, withErrors } from "@/lib/http";
import { checkNoteGuard } from "@/lib/notes/guard/check-note-guard";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** The stored note's guard warnings: ?includeDismissed=1 adds the dismissed ones → { warnings, isDetailed }. */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  const includeDismissed = new URL(request.url).searchParams.get("includeDismissed") === "1";
  return NextResponse.json(await checkNoteGuard({ viewer, workshopId, includeDismissed }));
});

/** A live check of the editor's text blocks: { blocks: string[], includeDismissed? } → { warnings, isDetailed }. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  assertSameOrigin(request);
  const viewer = await requireViewer();
  const { workshopId } = await params;
  const body = (await readJsonBody(request, 1024 * 1024)) as { blocks?: unknown; includeDismissed?: unknown } | null;
  return NextResponse.json(await checkNoteGuard({ viewer, workshopId, text: body?.blocks ?? null, includeDismissed: body?.includeDismissed === true }));
});
