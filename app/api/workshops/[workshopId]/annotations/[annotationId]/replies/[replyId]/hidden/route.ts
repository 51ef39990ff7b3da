import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { setReplyHidden, type ModerationInput } from "@/lib/annotations/moderate";

type Context = { params: Promise<{ workshopId: string; annotationId: string; replyId: string }> };

/** Organizers: { hidden: true | false }. */
export const PUT = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, annotationId, replyId } = await params;
  const input = (await readJsonBody(request)) as ModerationInput;
  await setReplyHidden({ viewer, workshopId, annotationId, replyId, input });
  return new NextResponse(null, { status: 204 });
});
