import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { dismissMergeNotice } from "@/lib/lessons/dismiss-merge-notice";

type Context = { params: Promise<{ workshopId: string; lessonId: string }> };

/** Dismisses the viewer's notice that a merge withdrew their stance on this lesson. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, lessonId } = await params;
  await dismissMergeNotice({ viewer, workshopId, lessonId });
  return new NextResponse(null, { status: 204 });
});
