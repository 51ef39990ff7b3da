import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { setStance } from "@/lib/lessons/set-stance";
import type { StanceInput } from "@/lib/lessons/schemas";

type Context = { params: Promise<{ workshopId: string; lessonId: string }> };

/** The viewer's stance: { stance: "ENDORSE" | "DISPUTE" | null } (null withdraws it). */
export const PUT = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, lessonId } = await params;
  const input = (await readJsonBody(request)) as StanceInput;
  return NextResponse.json({ lesson: await setStance({ viewer, workshopId, lessonId, input }) });
});
