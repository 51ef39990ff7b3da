import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { readJsonBody, withErrors } from "@/lib/http";
import { reviseSource } from "@/lib/sources/revise-source";
import type { ReviseSourceInput } from "@/lib/sources/schemas";
import { MAX_SOURCE_BYTES } from "@/lib/sources/import/import-errors";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string; sourceId: string }> };

/** Revises a source's text (organizers): { markup, baseRevision? } → { revision, placed, moved, orphaned } (passages). */
export const PUT = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId, sourceId } = await params;
  const input = (await readJsonBody(request, MAX_SOURCE_BYTES)) as ReviseSourceInput;
  return NextResponse.json(await reviseSource({ viewer, workshopId, sourceId, input }));
});
