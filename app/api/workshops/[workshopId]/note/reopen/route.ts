import { requireWriteRequest } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { reopenNote } from "@/lib/notes/sign-off";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** Reopens a signed-off note (organizers): a new draft from the signed-off text. */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  await reopenNote({ viewer, workshopId });
  return new Response(null, { status: 204 });
});
