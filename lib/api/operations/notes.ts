import { z } from "zod";
import { NO_CONTENT, created, ok, operation } from "../operation";
import { ZCoarseTime, presentedBy } from "../shapes";
import { ZNoteExportFormat, ZNoteExportMethods } from "@/lib/notes/export-note";
import { ZGuardBlocks } from "@/lib/notes/guard/check-note-guard";
import { ZDismissGuardWarningInput, ZFingerprint } from "@/lib/notes/guard/dismiss-guard-warning";
import { ZSaveNoteVersionInput } from "@/lib/notes/versions/save-note-version";

const ZGuardCheck = presentedBy("checkNoteGuard (lib/notes/guard/check-note-guard.ts): { warnings, isDetailed }");
const ZNoteVersion = z.object({ id: z.string(), name: z.string().nullable(), kind: z.string(), savedAt: ZCoarseTime }).catchall(z.unknown());
const ZIdCsv = z.string().optional().meta({ description: "Comma-separated ids (at most 200)." });

export const NOTE_OPERATIONS = [
  operation("GET", "/api/workshops/{workshopId}/note/export", {
    tag: "Meeting note",
    summary: "Download the meeting note",
    description: "format=md, html (a standalone page), docx or pdf; methods=1 adds the consensus methods paragraph.",
    access: "Members.",
    query: z.object({ format: ZNoteExportFormat, methods: ZNoteExportMethods }),
    success: {
      status: 200,
      description: "The note file.",
      download: ["text/markdown", "text/html", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf"],
    },
  }),
  operation("GET", "/api/workshops/{workshopId}/note/references", {
    tag: "Meeting note",
    summary: "The note's references and the lessons panel",
    access: "Members.",
    query: z.object({ lessonIds: ZIdCsv, passageIds: ZIdCsv }),
    success: ok(presentedBy("getNoteReferences (lib/notes/get-note-references.ts): { references, panel }")),
  }),
  operation("GET", "/api/workshops/{workshopId}/note/guard", {
    tag: "Meeting note",
    summary: "The stored note's guard warnings",
    access: "Members who may edit the note.",
    query: z.object({ includeDismissed: z.enum(["1"]).optional().meta({ description: "1: list the dismissed warnings too." }) }),
    success: ok(ZGuardCheck),
    errors: ["FORBIDDEN"],
  }),
  operation("POST", "/api/workshops/{workshopId}/note/guard", {
    tag: "Meeting note",
    summary: "Check text blocks with the guard",
    access: "Members who may edit the note.",
    body: z.object({ blocks: ZGuardBlocks, includeDismissed: z.boolean().optional() }),
    success: ok(ZGuardCheck),
    errors: ["FORBIDDEN", "PAYLOAD_TOO_LARGE"],
  }),
  operation("POST", "/api/workshops/{workshopId}/note/guard/dismissals", {
    tag: "Meeting note",
    summary: "Dismiss a guard warning, saying why",
    access: "Members who may edit the note.",
    body: ZDismissGuardWarningInput,
    success: created(z.object({ dismissal: z.object({ fingerprint: z.string(), reason: z.string() }).catchall(z.unknown()) })),
    errors: ["FORBIDDEN"],
  }),
  operation("DELETE", "/api/workshops/{workshopId}/note/guard/dismissals/{fingerprint}", {
    tag: "Meeting note",
    summary: "Undo a dismissal",
    access: "Members who may edit the note.",
    params: { fingerprint: ZFingerprint },
    success: NO_CONTENT,
    errors: ["FORBIDDEN"],
  }),
  operation("GET", "/api/workshops/{workshopId}/note/versions", {
    tag: "Meeting note",
    summary: "The note's kept versions; never who kept them",
    access: "Members.",
    success: ok(z.object({ versions: z.array(ZNoteVersion), access: z.record(z.string(), z.unknown()) })),
  }),
  operation("POST", "/api/workshops/{workshopId}/note/versions", {
    tag: "Meeting note",
    summary: "Keep the note as it is now, under a name",
    access: "Members who may edit the note.",
    body: ZSaveNoteVersionInput,
    success: created(z.object({ version: ZNoteVersion })),
    errors: ["FORBIDDEN"],
  }),
  operation("POST", "/api/workshops/{workshopId}/note/versions/{versionId}/restore", {
    tag: "Meeting note",
    summary: "Restore a version as a new change",
    access: "Members who may restore versions.",
    success: ok(z.object({ kept: ZNoteVersion })),
    errors: ["FORBIDDEN", "CONFLICT"],
  }),
  operation("POST", "/api/workshops/{workshopId}/note/sign-off", {
    tag: "Meeting note",
    summary: "Sign the note off",
    access: "Rapporteurs and organizers.",
    success: created(z.object({ version: ZNoteVersion })),
    errors: ["FORBIDDEN", "CONFLICT"],
  }),
  operation("POST", "/api/workshops/{workshopId}/note/reopen", { tag: "Meeting note", summary: "Reopen a signed-off note", access: "Organizers.", success: NO_CONTENT, errors: ["FORBIDDEN", "CONFLICT"] }),
];
