import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { declineThemeProposal } from "@/lib/themes/decline-theme-proposal";
import type { DeclineProposalInput } from "@/lib/themes/schemas";

type Context = { params: Promise<{ workshopId: string; proposalId: string }> };

/** Declines a proposal with a short reason: { response } (organizers). */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, proposalId } = await params;
  const input = (await readJsonBody(request)) as DeclineProposalInput;
  return NextResponse.json({ proposal: await declineThemeProposal({ viewer, workshopId, proposalId, input }) });
});
