import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { createReply } from "@/lib/annotations/replies";
import type { ReplyInput } from "@/lib/annotations/schemas";

type Context = { params: Promise<{ workshopId: string; annotationId: string }> };

/** Replies in the annotation's thread: { body }. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, annotationId } = await params;
  const input = (await readJsonBody(request)) as ReplyInput;
  return NextResponse.json({ reply: await createReply({ viewer, workshopId, annotationId, input }) }, { status: 201 });
});
