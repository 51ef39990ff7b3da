import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { createTranslator } from "next-intl";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { Viewer } from "@/lib/auth/session";
import { slugify } from "@/lib/annotations/export-annotations";
import { requireWorkshopPermission } from "@/lib/workshops/access";
import { loadMessages } from "@/i18n/messages";
import type { Locale } from "@/i18n/config";
import { ARCHIVE_PARTS } from "./archive-parts";
import { archiveReadme } from "./archive-readme";
import type { ArchiveManifest } from "./schemas";

interface ArchiveOptions {
  viewer: Viewer;
  workshopId: string;
  locale: Locale;
}

/** Archives being made at once in this process: each renders a PDF, which takes a core for seconds. */
const MAX_CONCURRENT_ARCHIVES = 2;
const holder = globalThis as typeof globalThis & { __rapporteurArchivesInProgress?: number };

function folderOf(title: string): string {
  return `${slugify(title)}-archive`;
}

/** What the bundle will hold, part by part, in the order it is written (README first). */
export async function getArchiveManifest({ viewer, workshopId, locale }: ArchiveOptions): Promise<ArchiveManifest> {
  const { workshop } = await requireWorkshopPermission(viewer, workshopId, "exports.download");
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "exports.parts" });
  const folder = folderOf(workshop.title);
  return {
    filename: `${folder}.zip`,
    parts: [{ path: `${folder}/README.md`, description: t("readme") }, ...ARCHIVE_PARTS.map((part) => ({ path: `${folder}/${part.path}`, description: t(part.key) }))],
  };
}

/**
 * The archive bundle as a ZIP stream: README.md, then the note in every format, the lessons, the
 * annotations and the codebook (./archive-parts.ts), each written as soon as it is made, so that
 * the browser receives the parts one by one and can say how far it is (against the manifest).
 * The server yields between parts, and makes at most MAX_CONCURRENT_ARCHIVES at once (more is a
 * 429), so that an archive never holds up the people using the workshop. Every entry is dated
 * to the day (midnight UTC), not to the second it was written.
 */
export async function exportArchive({ viewer, workshopId, locale }: ArchiveOptions): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  const { workshop } = await requireWorkshopPermission(viewer, workshopId, "exports.download");
  if ((holder.__rapporteurArchivesInProgress ?? 0) >= MAX_CONCURRENT_ARCHIVES) {
    throw new AppError("RATE_LIMITED", "archiveBusy", "Several archives are being made right now. Try again in a minute.");
  }
  holder.__rapporteurArchivesInProgress = (holder.__rapporteurArchivesInProgress ?? 0) + 1;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    holder.__rapporteurArchivesInProgress = (holder.__rapporteurArchivesInProgress ?? 1) - 1;
  };
  const folder = folderOf(workshop.title);
  const day = new Date().toISOString().slice(0, 10);
  const mtime = new Date(`${day}T00:00:00Z`);
  let isCancelled = false;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const zip = new Zip((error, chunk, final) => {
        if (isCancelled) return;
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      const add = (path: string, body: string | Uint8Array, isCompressed: boolean) => {
        const entry = isCompressed ? new ZipPassThrough(`${folder}/${path}`) : new ZipDeflate(`${folder}/${path}`, { level: 6 });
        entry.mtime = mtime;
        zip.add(entry);
        entry.push(typeof body === "string" ? new TextEncoder().encode(body) : body, true);
      };
      void (async () => {
        try {
          add("README.md", archiveReadme(workshop, ARCHIVE_PARTS, { locale, day }), false);
          for (const part of ARCHIVE_PARTS) {
            await nextTurn();
            if (isCancelled) return;
            const file = await part.make({ viewer, workshopId, locale });
            add(part.path, file.body, part.isCompressed);
          }
          zip.end();
        } catch (error) {
          logger.error("the archive bundle failed", error);
          if (!isCancelled) controller.error(new Error("the archive could not be made"));
        } finally {
          release();
        }
      })();
    },
    cancel() {
      isCancelled = true;
      release();
    },
  });
  return { filename: `${folder}.zip`, stream };
}
