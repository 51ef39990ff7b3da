import { requireViewer } from "@/lib/auth/session";
import { downloadResponse, withErrors } from "@/lib/http";
import { exportCodebook } from "@/lib/themes/export-codebook";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** The codebook as a download: ?format=json (Rapporteur) or ?format=qdc (REFI-QDA). */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = await params;
  const format = new URL(request.url).searchParams.get("format");
  return downloadResponse(await exportCodebook({ viewer, workshopId, format }));
});
