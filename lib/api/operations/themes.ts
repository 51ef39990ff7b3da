import { z } from "zod";
import { created, ok, operation } from "../operation";
import { ZTheme, ZThemeProposal, presentedBy } from "../shapes";
import { ZAcceptProposalInput, ZCreateThemeInput, ZDeclineProposalInput, ZMergeThemesInput, ZProposeThemeInput, ZReorderThemesInput, ZUpdateThemeInput } from "@/lib/themes/schemas";
import { ZCodebookExportFormat } from "@/lib/themes/export-codebook";

const ZThemeUsage = presentedBy("getThemeUsage (lib/themes/get-theme-usage.ts): counts of annotations and lessons carrying the theme");

export const THEME_OPERATIONS = [
  operation("GET", "/api/workshops/{workshopId}/themes", { tag: "Codebook", summary: "The codebook, in order", access: "Members.", success: ok(z.object({ themes: z.array(ZTheme) }).strict()) }),
  operation("POST", "/api/workshops/{workshopId}/themes", {
    tag: "Codebook",
    summary: "Add a theme at the end",
    access: "Organizers, while the workshop is open.",
    body: ZCreateThemeInput,
    success: created(z.object({ theme: ZTheme }).strict()),
    errors: ["FORBIDDEN", "CONFLICT"],
  }),
  operation("PATCH", "/api/workshops/{workshopId}/themes/{themeId}", {
    tag: "Codebook",
    summary: "Rename, describe or recolour a theme",
    access: "Organizers.",
    body: ZUpdateThemeInput,
    success: ok(z.object({ theme: ZTheme }).strict()),
    errors: ["FORBIDDEN", "CONFLICT"],
  }),
  operation("DELETE", "/api/workshops/{workshopId}/themes/{themeId}", {
    tag: "Codebook",
    summary: "Delete a theme and its tags; answers what it touched",
    access: "Organizers.",
    success: ok(z.object({ usage: ZThemeUsage })),
    errors: ["FORBIDDEN"],
  }),
  operation("GET", "/api/workshops/{workshopId}/themes/{themeId}/usage", {
    tag: "Codebook",
    summary: "How many annotations and lessons carry a theme",
    access: "Organizers.",
    success: ok(z.object({ usage: ZThemeUsage })),
    errors: ["FORBIDDEN"],
  }),
  operation("POST", "/api/workshops/{workshopId}/themes/{themeId}/merge", {
    tag: "Codebook",
    summary: "Merge a theme into another",
    access: "Organizers.",
    body: ZMergeThemesInput,
    success: ok(presentedBy("mergeThemes (lib/themes/merge-themes.ts)")),
    errors: ["FORBIDDEN", "CONFLICT"],
  }),
  operation("PUT", "/api/workshops/{workshopId}/themes/order", {
    tag: "Codebook",
    summary: "Reorder the codebook",
    description: "The whole order ({ themeIds }) or one step ({ themeId, direction }).",
    access: "Organizers.",
    body: ZReorderThemesInput,
    success: ok(z.object({ themes: z.array(ZTheme) }).strict()),
    errors: ["FORBIDDEN", "CONFLICT"],
  }),
  operation("GET", "/api/workshops/{workshopId}/themes/export", {
    tag: "Codebook",
    summary: "Download the codebook",
    description: "format=json (Rapporteur) or format=qdc (REFI-QDA).",
    access: "Members.",
    query: z.object({ format: ZCodebookExportFormat }),
    success: { status: 200, description: "The codebook file.", download: ["application/json", "application/xml"] },
  }),
  operation("POST", "/api/workshops/{workshopId}/themes/import", {
    tag: "Codebook",
    summary: "Import a codebook file",
    access: "Organizers.",
    upload: { mediaTypes: ["application/json", "application/xml", "application/octet-stream"], description: "A Rapporteur JSON or REFI-QDA codebook file, as the request body." },
    success: ok(presentedBy("importCodebook (lib/themes/import-codebook.ts)")),
    errors: ["FORBIDDEN", "PAYLOAD_TOO_LARGE", "UNPROCESSABLE"],
  }),
  operation("GET", "/api/workshops/{workshopId}/theme-proposals", {
    tag: "Codebook",
    summary: "Every theme proposal, pending first",
    description: "`mine` says which are yours; never who proposed.",
    access: "Members.",
    success: ok(z.object({ proposals: z.array(ZThemeProposal) }).strict()),
  }),
  operation("POST", "/api/workshops/{workshopId}/theme-proposals", {
    tag: "Codebook",
    summary: "Propose a theme",
    access: "Rapporteurs and participants.",
    body: ZProposeThemeInput,
    success: created(z.object({ proposal: ZThemeProposal }).strict()),
    errors: ["FORBIDDEN", "CONFLICT"],
  }),
  operation("POST", "/api/workshops/{workshopId}/theme-proposals/{proposalId}/accept", {
    tag: "Codebook",
    summary: "Accept a proposal, as proposed or edited",
    access: "Organizers.",
    body: ZAcceptProposalInput,
    success: ok(presentedBy("acceptThemeProposal (lib/themes/accept-theme-proposal.ts)")),
    errors: ["FORBIDDEN", "CONFLICT", "GONE"],
  }),
  operation("POST", "/api/workshops/{workshopId}/theme-proposals/{proposalId}/decline", {
    tag: "Codebook",
    summary: "Decline a proposal with a short reason",
    access: "Organizers.",
    body: ZDeclineProposalInput,
    success: ok(z.object({ proposal: ZThemeProposal }).strict()),
    errors: ["FORBIDDEN", "CONFLICT", "GONE"],
  }),
];
