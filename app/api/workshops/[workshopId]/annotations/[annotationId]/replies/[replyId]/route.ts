import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { deleteReply, updateReply } from "@/lib/annotations/replies";
import type { ReplyInput } from "@/lib/annotations/schemas";

type Context = { params: Promise<{ workshopId: string; annotationId: string; replyId: string }> };

export const PATCH = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, annotationId, replyId } = await params;
  const input = (await readJsonBody(request)) as ReplyInput;
  return NextResponse.json({ reply: await updateReply({ viewer, workshopId, annotationId, replyId, input }) });
});

export const DELETE = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, annotationId, replyId } = await params;
  await deleteReply({ viewer, workshopId, annotationId, replyId });
  return new NextResponse(null, { status: 204 });
});
