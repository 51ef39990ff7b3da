import { NextResponse } from "next/server";
import { requireViewer } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { findSimilarLessons } from "@/lib/lessons/find-similar-lessons";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** Lessons whose statements resemble a draft: ?q=draft&exclude=lessonId → { lessons: [{ id, statement, consensus, myStance, score }] }. */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  const url = new URL(request.url);
  return NextResponse.json(await findSimilarLessons({ viewer, workshopId, query: url.searchParams.get("q") ?? "", excludeLessonId: url.searchParams.get("exclude") }));
});
