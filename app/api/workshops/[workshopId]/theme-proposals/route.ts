import { NextResponse } from "next/server";
import { requireViewer, requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { findThemeProposals } from "@/lib/themes/find-theme-proposals";
import { proposeTheme } from "@/lib/themes/propose-theme";
import type { ProposeThemeInput } from "@/lib/themes/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** Every theme proposal of the workshop, pending first; `mine`, never who. */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  return NextResponse.json({ proposals: await findThemeProposals({ viewer, workshopId }) });
});

/** Proposes a theme: { name, description?, reason? } (rapporteurs and participants). */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  const input = (await readJsonBody(request)) as ProposeThemeInput;
  return NextResponse.json({ proposal: await proposeTheme({ viewer, workshopId, input }) }, { status: 201 });
});
