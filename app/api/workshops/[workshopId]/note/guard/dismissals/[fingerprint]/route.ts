import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { undoGuardDismissal } from "@/lib/notes/guard/undo-guard-dismissal";

type Context = { params: Promise<{ workshopId: string; fingerprint: string }> };

/** Undoes a dismissal: the warning is listed again. */
export const DELETE = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, fingerprint } = await params;
  await undoGuardDismissal({ viewer, workshopId, fingerprint });
  return new NextResponse(null, { status: 204 });
});
