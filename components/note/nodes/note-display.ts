import type { ResolvedFootnote } from "@/lib/notes/references";

/** How one `lessonRef` shows: its phrase and whether it is live (loading: references on their way). */
export interface LessonRefDisplay {
  phrase: string;
  state: "live" | "frozen" | "held" | "missing" | "loading";
}

/** How one `citation` shows: its footnote number, flagged when its passage is gone. */
export interface CitationDisplay {
  number: number;
  flagged: boolean;
}

/**
 * What the editor's reference nodes show, from the last resolution of the document: phrases by
 * lesson (a phrase depends on the lesson only) and footnote numbers by the citation's position
 * (numbers depend on the order of the text, so they are recomputed after every change).
 */
export interface NoteDisplay {
  /** False until references arrived once: node views show a neutral placeholder meanwhile. */
  isReady: boolean;
  lessons: ReadonlyMap<string, LessonRefDisplay>;
  citations: ReadonlyMap<number, CitationDisplay>;
  footnotes: readonly ResolvedFootnote[];
}

export const EMPTY_DISPLAY: NoteDisplay = { isReady: false, lessons: new Map(), citations: new Map(), footnotes: [] };

/**
 * A tiny external store (for useSyncExternalStore): node views render inside ProseMirror, outside
 * the React props flow, and subscribe to what they show here.
 */
export class NoteDisplayStore {
  private display: NoteDisplay = EMPTY_DISPLAY;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): NoteDisplay => this.display;

  set(display: NoteDisplay): void {
    this.display = display;
    for (const listener of this.listeners) listener();
  }
}
