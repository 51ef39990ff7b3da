import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { acceptThemeProposal } from "@/lib/themes/accept-theme-proposal";
import type { AcceptProposalInput } from "@/lib/themes/schemas";

type Context = { params: Promise<{ workshopId: string; proposalId: string }> };

/** Accepts a proposal, as proposed ({}) or edited ({ name?, description?, color? }) (organizers). */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, proposalId } = await params;
  const input = (await readJsonBody(request)) as AcceptProposalInput;
  return NextResponse.json(await acceptThemeProposal({ viewer, workshopId, proposalId, input }));
});
