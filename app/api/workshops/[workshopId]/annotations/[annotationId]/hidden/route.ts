import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { setAnnotationHidden, type ModerationInput } from "@/lib/annotations/moderate";

type Context = { params: Promise<{ workshopId: string; annotationId: string }> };

/** Organizers: { hidden: true | false }. */
export const PUT = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, annotationId } = await params;
  const input = (await readJsonBody(request)) as ModerationInput;
  return NextResponse.json({ annotation: await setAnnotationHidden({ viewer, workshopId, annotationId, input }) });
});
