import { AppError } from "@/lib/errors";
import { THEMES_PER_WORKSHOP_MAX } from "./schemas";

/**
 * The codebook's expected failures. Each key has a message in both catalogs (messages/*.json,
 * `errors`); the English text here is for logs and API clients.
 */
export const themeErrors = {
  gone: () =>
    new AppError("NOT_FOUND", "themeGone", "This theme no longer exists in this codebook: it was merged or deleted meanwhile. Reload the codebook."),
  nameTaken: (field = "name") =>
    new AppError("CONFLICT", "themeNameTaken", "The codebook already has a theme with this name (names are compared ignoring case). Choose another name.", { field }),
  codebookFull: () =>
    new AppError("CONFLICT", "codebookFull", `A codebook holds at most ${THEMES_PER_WORKSHOP_MAX} themes. Merge or delete some first.`),
  mergeIntoItself: () =>
    new AppError("BAD_REQUEST", "themeMergeIntoItself", "A theme cannot be merged into itself: choose another theme to merge into.", { field: "targetId" }),
  mergeTargetUnknown: () =>
    new AppError("BAD_REQUEST", "themeMergeTargetUnknown", "The theme to merge into is not in this codebook (it may have been deleted meanwhile). Choose another.", { field: "targetId" }),
  reorderMismatch: () =>
    new AppError("CONFLICT", "themeReorderMismatch", "The new order must list every theme of this codebook exactly once; the codebook may have changed meanwhile. Reload it and try again."),
  proposalGone: () => new AppError("NOT_FOUND", "themeProposalGone", "This proposal does not exist in this workshop."),
  proposalDecided: () => new AppError("CONFLICT", "themeProposalDecided", "This proposal has already been decided. Reload the page to see the decision."),
  proposalDuplicate: () =>
    new AppError("CONFLICT", "themeProposalDuplicate", "A theme with this name has already been proposed and awaits the organizers' decision.", { field: "name" }),
};
