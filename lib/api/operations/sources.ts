import { z } from "zod";
import { created, ok, operation } from "../operation";
import { presentedBy } from "../shapes";
import { ZImportFormat, ZReviseSourceInput, ZSourceCitation } from "@/lib/sources/schemas";

/** The form of the "add a source" page: the citation, then a file or pasted text. */
const ZAddSourceForm = ZSourceCitation.extend({
  authors: z.string().optional().meta({ description: "Authors, separated by commas or new lines." }),
  file: z.file().optional().meta({ description: "The document (PDF, DOCX, HTML, Markdown or text); or send `text`." }),
  text: z.string().optional().meta({ description: "Pasted text, when no file is sent." }),
  format: ZImportFormat.optional(),
  titleProposed: z.enum(["true", "false"]).optional().meta({ description: "true: the title is a proposal the document's own title may replace." }),
});

export const SOURCE_OPERATIONS = [
  operation("POST", "/api/workshops/{workshopId}/sources", {
    tag: "Sources",
    summary: "Add a source",
    access: "Organizers.",
    upload: { mediaTypes: ["multipart/form-data"], description: "The citation fields, and a file or pasted text.", schema: ZAddSourceForm },
    success: created(z.object({ source: presentedBy("createSource (lib/sources/create-source.ts)") })),
    errors: ["FORBIDDEN", "PAYLOAD_TOO_LARGE", "UNPROCESSABLE"],
  }),
  operation("PUT", "/api/workshops/{workshopId}/sources/{sourceId}/text", {
    tag: "Sources",
    summary: "Revise a source's text",
    description: "Passages are placed again: answers how many were placed, moved and orphaned.",
    access: "Organizers.",
    body: ZReviseSourceInput,
    success: ok(presentedBy("reviseSource (lib/sources/revise-source.ts): { revision, placed, moved, orphaned }")),
    errors: ["FORBIDDEN", "CONFLICT", "PAYLOAD_TOO_LARGE"],
  }),
];
