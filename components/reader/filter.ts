/**
 * Which annotations the margin and the text show. Themes combine with "or" (an annotation
 * tagged with any chosen theme; `untagged` adds those with none); "mine" and "with replies"
 * narrow further. Nothing chosen shows all.
 */
export interface AnnotationFilter {
  themeIds: readonly string[];
  untagged: boolean;
  mine: boolean;
  withReplies: boolean;
}

export const SHOW_ALL: AnnotationFilter = { themeIds: [], untagged: false, mine: false, withReplies: false };

export function isShowingAll(filter: AnnotationFilter): boolean {
  return filter.themeIds.length === 0 && !filter.untagged && !filter.mine && !filter.withReplies;
}

export function matchesFilter(
  annotation: { themeIds: readonly string[]; mine: boolean; replies: readonly unknown[] },
  filter: AnnotationFilter,
): boolean {
  if (filter.mine && !annotation.mine) return false;
  if (filter.withReplies && annotation.replies.length === 0) return false;
  if (filter.themeIds.length === 0 && !filter.untagged) return true;
  if (filter.untagged && annotation.themeIds.length === 0) return true;
  return annotation.themeIds.some((id) => filter.themeIds.includes(id));
}
