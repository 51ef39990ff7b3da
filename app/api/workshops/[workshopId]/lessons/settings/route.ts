import { NextResponse } from "next/server";
import { requireViewer, requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { getLessonSettings } from "@/lib/lessons/get-lesson-settings";
import { updateLessonSettings, type LessonSettingsInput } from "@/lib/lessons/update-lesson-settings";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** { holdStances, isRevealed, thresholds, isDefaultThresholds }. */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  return NextResponse.json({ settings: await getLessonSettings({ viewer, workshopId }) });
});

/** Organizers: { holdStances?, consensusThresholds? (null: the defaults) }. */
export const PATCH = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  const input = (await readJsonBody(request)) as LessonSettingsInput;
  return NextResponse.json({ settings: await updateLessonSettings({ viewer, workshopId, input }) });
});
