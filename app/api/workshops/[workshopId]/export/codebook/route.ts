import { requireViewer } from "@/lib/auth/session";
import { downloadResponse, withErrors } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { exportCodebook } from "@/lib/themes/export-codebook";
import { ZExportParams, ZFormatQuery } from "@/lib/exports/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** The codebook: ?format=json (Rapporteur JSON) or qdc (REFI-QDA), as on the themes page. */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = parseInput(ZExportParams, await params);
  const { format } = parseInput(ZFormatQuery, { format: new URL(request.url).searchParams.get("format") });
  return downloadResponse(await exportCodebook({ viewer, workshopId, format }));
});
