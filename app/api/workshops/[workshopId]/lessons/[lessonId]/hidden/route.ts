import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { setLessonHidden } from "@/lib/lessons/set-lesson-hidden";

type Context = { params: Promise<{ workshopId: string; lessonId: string }> };

/** Organizers hide a lesson. */
export const PUT = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, lessonId } = await params;
  return NextResponse.json({ lesson: await setLessonHidden({ viewer, workshopId, lessonId, input: { hidden: true } }) });
});

/** Organizers show it again. */
export const DELETE = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, lessonId } = await params;
  return NextResponse.json({ lesson: await setLessonHidden({ viewer, workshopId, lessonId, input: { hidden: false } }) });
});
