import type { Locale } from "@/i18n/config";
import type { ConsensusClass } from "@/lib/consensus/consensus";
import type { PresentedLesson } from "@/lib/lessons/present";
import type { NoteReferences } from "./references";
import { lessonPhrase } from "./resolve-note";

/** A lesson as the note's side panel lists it, ready to insert. */
export interface PanelLesson {
  id: string;
  statement: string;
  /** The phrase a lessonRef to it would show now. */
  phrase: string;
  /** The consensus class, null while stances are held. */
  consensus: ConsensusClass | null;
  themeIds: string[];
  inNote: boolean;
}

export interface LessonsPanel {
  /** Every theme in codebook order, with the lessons placed under it (by their first theme, as on the board). */
  themes: Array<{ id: string; name: string; lessons: PanelLesson[] }>;
  unthemed: PanelLesson[];
}

export interface NoteReferencesView {
  references: NoteReferences;
  panel: LessonsPanel;
}

/**
 * What the references route sends: the note's references and the lessons panel. The panel
 * takes the board as the viewer sees it (already presented: no author, `mine` only) and leaves
 * hidden lessons out, since a paragraph about a hidden lesson would be "missing" for most readers.
 */
export function presentNoteReferences(
  references: NoteReferences,
  board: { lessons: readonly PresentedLesson[]; held: boolean },
  themes: ReadonlyArray<{ id: string; name: string }>,
  locale: Locale,
): NoteReferencesView {
  const order = new Map(themes.map((theme, index) => [theme.id, index]));
  const byTheme = new Map<string, PanelLesson[]>(themes.map((theme) => [theme.id, []]));
  const unthemed: PanelLesson[] = [];
  for (const lesson of board.lessons) {
    if (lesson.isHidden) continue;
    const consensus = lesson.consensus?.consensus ?? null;
    const item: PanelLesson = {
      id: lesson.id,
      statement: lesson.statement,
      phrase: lessonPhrase({ state: board.held ? "held" : "live", consensus, phrase: "" }, locale).phrase,
      consensus,
      themeIds: lesson.themeIds,
      inNote: lesson.inNote,
    };
    const first = [...lesson.themeIds].filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!)[0];
    if (first) byTheme.get(first)!.push(item);
    else unthemed.push(item);
  }
  return { references, panel: { themes: themes.map((theme) => ({ id: theme.id, name: theme.name, lessons: byTheme.get(theme.id)! })), unthemed } };
}
