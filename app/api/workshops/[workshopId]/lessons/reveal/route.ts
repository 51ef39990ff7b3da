import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { revealStances } from "@/lib/lessons/reveal-stances";

type Context = { params: Promise<{ workshopId: string }> };

/** Reveals the stances held back by the workshop's setting (organizers). */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  await revealStances({ viewer, workshopId });
  return new NextResponse(null, { status: 204 });
});
