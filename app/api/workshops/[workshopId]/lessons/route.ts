import { NextResponse } from "next/server";
import { requireViewer, requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { findLessons } from "@/lib/lessons/find-lessons";
import { createLesson } from "@/lib/lessons/create-lesson";
import type { CreateLessonInput } from "@/lib/lessons/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** The lessons board: { lessons, held, notices, thresholds }, in board order. */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  return NextResponse.json(await findLessons({ viewer, workshopId }));
});

/** Writes a lesson: { statement, elaboration?, themeIds, evidence? }. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  const input = (await readJsonBody(request)) as CreateLessonInput;
  return NextResponse.json({ lesson: await createLesson({ viewer, workshopId, input }) }, { status: 201 });
});
