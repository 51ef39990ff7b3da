import { requireViewer } from "@/lib/auth/session";
import { downloadResponse, withErrors } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { exportWorkshopAnnotations } from "@/lib/exports/export-workshop-annotations";
import { ZExportParams } from "@/lib/exports/schemas";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** Every annotation of the workshop as one W3C Web Annotation collection (JSON-LD). */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = parseInput(ZExportParams, await params);
  return downloadResponse(await exportWorkshopAnnotations({ viewer, workshopId }));
});
