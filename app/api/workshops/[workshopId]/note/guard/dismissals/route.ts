import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { dismissGuardWarning, type DismissGuardWarningInput } from "@/lib/notes/guard/dismiss-guard-warning";

type Context = { params: Promise<{ workshopId: string }> };

/** Dismisses a guard warning: { fingerprint, reason } → { dismissal: { fingerprint, reason } }. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  const input = (await readJsonBody(request)) as DismissGuardWarningInput;
  return NextResponse.json({ dismissal: await dismissGuardWarning({ viewer, workshopId, input }) }, { status: 201 });
});
