import { requireViewer } from "@/lib/auth/session";
import { downloadResponse, withErrors } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { exportArchive } from "@/lib/exports/export-archive";
import { ZExportParams } from "@/lib/exports/schemas";
import { getRequestLocale } from "@/i18n/request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** The archive bundle, streamed as a ZIP while its parts are made (what it holds: ./manifest). */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = parseInput(ZExportParams, await params);
  const { filename, stream } = await exportArchive({ viewer, workshopId, locale: await getRequestLocale() });
  return downloadResponse({ filename, contentType: "application/zip", body: stream });
});
