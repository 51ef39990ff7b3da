import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import type { UpdateAnnotationInput } from "@/lib/annotations/schemas";

type Context = { params: Promise<{ workshopId: string; annotationId: string }> };

/** Edits one's own annotation: { comment, themeIds }. */
export const PATCH = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, annotationId } = await params;
  const input = (await readJsonBody(request)) as UpdateAnnotationInput;
  return NextResponse.json({ annotation: await updateAnnotation({ viewer, workshopId, annotationId, input }) });
});

export const DELETE = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, annotationId } = await params;
  await deleteAnnotation({ viewer, workshopId, annotationId });
  return new NextResponse(null, { status: 204 });
});
