import { NextResponse } from "next/server";
import { requireViewer, requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { findSourceAnnotations } from "@/lib/annotations/find-source-annotations";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { CreateAnnotationInput } from "@/lib/annotations/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string; sourceId: string }> };

/** A source's annotations, in document order. */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId, sourceId } = await params;
  return NextResponse.json({ annotations: await findSourceAnnotations({ viewer, workshopId, sourceId }) });
});

/** Highlights a passage: { start, end, comment?, themeIds? }. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, sourceId } = await params;
  const input = (await readJsonBody(request)) as CreateAnnotationInput;
  const annotation = await createAnnotation({ viewer, workshopId, sourceId, input });
  return NextResponse.json({ annotation }, { status: 201 });
});
