"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { RequestError, sendJson } from "@/components/ui/request";
import { createArchiveProgress } from "@/lib/exports/archive-progress";
import type { ArchiveManifest } from "@/lib/exports/schemas";

type Phase =
  | { kind: "idle" }
  | { kind: "downloading"; parts: number; total: number; bytes: number }
  | { kind: "done"; bytes: number }
  | { kind: "failed"; message: string };

/**
 * Downloads the archive bundle while showing how far it is: the manifest says which parts are
 * coming, and each part counts as received when its entry starts in the ZIP streaming in (the
 * server writes each part as soon as it is made; the PDF takes the longest).
 */
export function ArchiveDownload({ workshopId }: { workshopId: string }) {
  const t = useTranslations("exports");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const api = `/api/workshops/${encodeURIComponent(workshopId)}/export/archive`;
  const size = (bytes: number) => format.number(bytes / 1024, { maximumFractionDigits: 0 }) + " KB";

  async function handleDownload() {
    try {
      const manifest = await sendJson<ArchiveManifest>(tErrors, t("failed"), `${api}/manifest`, "GET");
      const total = manifest.parts.length;
      setPhase({ kind: "downloading", parts: 0, total, bytes: 0 });
      const response = await fetch(api);
      if (!response.ok || !response.body) {
        const busy = response.status === 429;
        throw new RequestError(busy ? t("busy") : t("failed"));
      }
      const progress = createArchiveProgress(manifest.parts.map((part) => part.path));
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      const reader = response.body.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        chunks.push(next.value);
        bytes += next.value.byteLength;
        setPhase({ kind: "downloading", parts: progress.receive(next.value), total, bytes });
      }
      saveFile(new Blob(chunks, { type: "application/zip" }), manifest.filename);
      setPhase({ kind: "done", bytes });
    } catch (failure) {
      setPhase({ kind: "failed", message: failure instanceof RequestError ? failure.message : t("failed") });
    }
  }

  const isBusy = phase.kind === "downloading";
  return (
    <div className="stack-small">
      <p>
        <button type="button" className="button button-primary" onClick={() => void handleDownload()} disabled={isBusy}>
          {isBusy ? t("downloading") : t("download")}
        </button>
      </p>
      {phase.kind === "downloading" && <progress value={phase.parts} max={phase.total} aria-label={t("progressLabel")} />}
      <p role="status" className={phase.kind === "failed" ? "notice notice-error" : "hint"}>
        {phase.kind === "downloading" && t("progress", { parts: phase.parts, total: phase.total, size: size(phase.bytes) })}
        {phase.kind === "done" && t("done", { size: size(phase.bytes) })}
        {phase.kind === "failed" && phase.message}
      </p>
    </div>
  );
}

function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
