import { expect, type Page } from "@playwright/test";
import { readZipDirectory, readZipEntry } from "../../lib/sources/import/zip-directory";
import { recordPage, type Received } from "./capture";
import { readableTextOf } from "./unpack";

interface ScanMember {
  role: string;
  page: Page;
  received: Received[];
}

/** Every whole-workshop export route, as a script of the member's would call it. */
export const WORKSHOP_EXPORTS = ["lessons?format=csv", "lessons?format=json", "annotations", "codebook?format=json", "codebook?format=qdc", "archive/manifest", "archive"] as const;

/** The file name's extension, which says how to read a file of the archive. */
const formatOf = (name: string) => name.slice(name.lastIndexOf(".") + 1);

/**
 * A member opens the Export page and downloads every whole-workshop export, the archive bundle
 * included; each file inside the bundle is recorded on its own (a .docx unpacked, a PDF's text
 * extracted), so that the scan reads what a document repository would hold. Members the policy
 * does not let export are refused, and the refusal is recorded too.
 */
export async function downloadWorkshopExports(member: ScanMember, workshopId: string): Promise<void> {
  await member.page.goto(`/workshops/${workshopId}/export`);
  await recordPage(member.page, member.received);
  const mayExport = member.role === "Organizer" || member.role === "Rapporteur";
  for (const path of WORKSHOP_EXPORTS) {
    const response = await member.page.request.get(`/api/workshops/${workshopId}/export/${path}`);
    // The codebook is every member's to download (as on the themes page); the rest is the exporters'.
    expect(response.status(), path).toBe(mayExport || path.startsWith("codebook") ? 200 : 403);
    const headers = Object.entries(response.headers()).map(([name, value]) => `${name}: ${value}`).join("\n");
    const source = `GET ${response.url()}`;
    const body = await response.body();
    if (path !== "archive" || !mayExport) {
      member.received.push({ kind: "http", source, text: `${headers}\n\n${body.toString("utf8")}` });
      continue;
    }
    member.received.push({ kind: "http", source, text: headers });
    const entries = readZipDirectory(body) ?? [];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const bytes = Uint8Array.from(readZipEntry(body, entry) ?? []);
      member.received.push({ kind: "http", source: `${source} → ${entry.name}`, text: `${entry.name}\n${await readableTextOf(formatOf(entry.name), bytes)}` });
    }
  }
}
