import { z } from "zod";
import { NO_CONTENT, created, ok, operation } from "../operation";
import { presentedBy } from "../shapes";
import { ZCreateAnnotationInput, ZReplyInput, ZUpdateAnnotationInput } from "@/lib/annotations/schemas";
import { ZModerationInput } from "@/lib/annotations/moderate";
import { ZExportFormat } from "@/lib/annotations/export-annotations";
import { ZPickPassageForNoteInput } from "@/lib/passages/pick-passage-for-note";
import { ZPassage } from "../shapes";

const ZAnnotation = presentedBy("presentAnnotation (lib/annotations/present.ts): `mine`, never who");
const ZReply = presentedBy("presentReply (lib/annotations/present.ts): `mine`, never who");

export const ANNOTATION_OPERATIONS = [
  operation("GET", "/api/workshops/{workshopId}/sources/{sourceId}/annotations", {
    tag: "Annotations",
    summary: "A source's annotations, in document order",
    access: "Members.",
    success: ok(z.object({ annotations: z.array(ZAnnotation) })),
  }),
  operation("POST", "/api/workshops/{workshopId}/sources/{sourceId}/annotations", {
    tag: "Annotations",
    summary: "Highlight a passage, with a comment and themes",
    access: "Members who may annotate, while the workshop is open.",
    body: ZCreateAnnotationInput,
    success: created(z.object({ annotation: ZAnnotation })),
    errors: ["FORBIDDEN", "CONFLICT"],
  }),
  operation("GET", "/api/workshops/{workshopId}/sources/{sourceId}/annotations/export", {
    tag: "Annotations",
    summary: "Download a source's annotations",
    description: "format=jsonld (W3C Web Annotation) or format=csv; never who wrote what.",
    access: "Members.",
    query: z.object({ format: ZExportFormat }),
    success: { status: 200, description: "The annotations file.", download: ["application/ld+json", "text/csv"] },
  }),
  operation("PATCH", "/api/workshops/{workshopId}/annotations/{annotationId}", {
    tag: "Annotations",
    summary: "Edit your own annotation",
    access: "Its writer.",
    body: ZUpdateAnnotationInput,
    success: ok(z.object({ annotation: ZAnnotation })),
    errors: ["FORBIDDEN"],
  }),
  operation("DELETE", "/api/workshops/{workshopId}/annotations/{annotationId}", { tag: "Annotations", summary: "Delete your own annotation", access: "Its writer.", success: NO_CONTENT, errors: ["FORBIDDEN"] }),
  operation("PUT", "/api/workshops/{workshopId}/annotations/{annotationId}/hidden", {
    tag: "Annotations",
    summary: "Hide or show an annotation",
    access: "Organizers.",
    body: ZModerationInput,
    success: ok(z.object({ annotation: ZAnnotation })),
    errors: ["FORBIDDEN"],
  }),
  operation("POST", "/api/workshops/{workshopId}/annotations/{annotationId}/replies", {
    tag: "Annotations",
    summary: "Reply in an annotation's thread",
    access: "Members who may reply.",
    body: ZReplyInput,
    success: created(z.object({ reply: ZReply })),
    errors: ["FORBIDDEN"],
  }),
  operation("PATCH", "/api/workshops/{workshopId}/annotations/{annotationId}/replies/{replyId}", {
    tag: "Annotations",
    summary: "Edit your own reply",
    access: "Its writer.",
    body: ZReplyInput,
    success: ok(z.object({ reply: ZReply })),
    errors: ["FORBIDDEN"],
  }),
  operation("DELETE", "/api/workshops/{workshopId}/annotations/{annotationId}/replies/{replyId}", { tag: "Annotations", summary: "Delete your own reply", access: "Its writer.", success: NO_CONTENT, errors: ["FORBIDDEN"] }),
  operation("PUT", "/api/workshops/{workshopId}/annotations/{annotationId}/replies/{replyId}/hidden", {
    tag: "Annotations",
    summary: "Hide or show a reply",
    access: "Organizers.",
    body: ZModerationInput,
    success: NO_CONTENT,
    errors: ["FORBIDDEN"],
  }),
  operation("GET", "/api/workshops/{workshopId}/passages/{passageId}", {
    tag: "Sources",
    summary: "One passage, cited",
    access: "Members.",
    success: ok(z.object({ passage: presentedBy("presentCitedPassage (lib/passages/present.ts)") })),
  }),
  operation("POST", "/api/workshops/{workshopId}/passages", {
    tag: "Sources",
    summary: "The passage on words selected in a source, to cite",
    access: "Members who may write the note.",
    body: ZPickPassageForNoteInput,
    success: created(z.object({ passage: ZPassage })),
    errors: ["FORBIDDEN", "CONFLICT"],
  }),
];
