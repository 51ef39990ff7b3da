import { NextResponse } from "next/server";
import { getDatabaseHealth } from "@/lib/db/health";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const health = await getDatabaseHealth();
    return NextResponse.json({ ok: health.migrationsUpToDate, ...health }, { status: health.migrationsUpToDate ? 200 : 503 });
  } catch (error) {
    logger.error("health check failed", error);
    return NextResponse.json({ ok: false, error: "The database does not answer." }, { status: 503 });
  }
}
