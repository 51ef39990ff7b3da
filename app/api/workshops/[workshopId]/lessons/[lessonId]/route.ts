import { NextResponse } from "next/server";
import { requireViewer, requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { getLesson } from "@/lib/lessons/get-lesson";
import { updateLesson } from "@/lib/lessons/update-lesson";
import { deleteLesson } from "@/lib/lessons/delete-lesson";
import type { UpdateLessonInput } from "@/lib/lessons/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string; lessonId: string }> };

export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId, lessonId } = await params;
  return NextResponse.json({ lesson: await getLesson({ viewer, workshopId, lessonId }) });
});

/** Edits one's own lesson: any of { statement, elaboration, themeIds, evidence }. */
export const PATCH = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, lessonId } = await params;
  const input = (await readJsonBody(request)) as UpdateLessonInput;
  return NextResponse.json({ lesson: await updateLesson({ viewer, workshopId, lessonId, input }) });
});

export const DELETE = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, lessonId } = await params;
  await deleteLesson({ viewer, workshopId, lessonId });
  return new NextResponse(null, { status: 204 });
});
