import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { mergeLessons } from "@/lib/lessons/merge-lessons";
import type { MergeLessonsInput } from "@/lib/lessons/schemas";

type Context = { params: Promise<{ workshopId: string; lessonId: string }> };

/** Merges a duplicate into this lesson: { fromLessonId } (rapporteurs, organizers). */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, lessonId } = await params;
  const input = (await readJsonBody(request)) as MergeLessonsInput;
  return NextResponse.json({ lesson: await mergeLessons({ viewer, workshopId, lessonId, input }) });
});
