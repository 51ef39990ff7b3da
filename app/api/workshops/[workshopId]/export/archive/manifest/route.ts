import { NextResponse } from "next/server";
import { requireViewer } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { parseInput } from "@/lib/validation";
import { getArchiveManifest } from "@/lib/exports/export-archive";
import { ZExportParams } from "@/lib/exports/schemas";
import { getRequestLocale } from "@/i18n/request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** What the archive bundle holds (ZArchiveManifest), so that a download can show its progress part by part. */
export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const viewer = await requireViewer();
  const { workshopId } = parseInput(ZExportParams, await params);
  return NextResponse.json(await getArchiveManifest({ viewer, workshopId, locale: await getRequestLocale() }));
});
