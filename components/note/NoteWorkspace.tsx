"use client";

import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useLocale, useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { EditorContent, useEditor } from "@tiptap/react";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/config";
import { noteContentExtensions } from "@/lib/notes/editor-extensions";
import { resolveNote } from "@/lib/notes/resolve-note";
import type { NoteConnection, NoteConnectionState } from "./note-connection";
import { NoteToolbar } from "./NoteToolbar";
import { NoteFrame } from "./NoteFrame";
import { NoteGuardPanel } from "./guard/NoteGuardPanel";
import { useWordCount } from "./use-word-count";
import { useOpeningCaret } from "./use-opening-caret";
import { renderCaret, renderSelection } from "./carets";
import { NoteDisplayStore } from "./nodes/note-display";
import { NoteFootnotes } from "./nodes/NoteFootnotes";
import { useNoteDisplay } from "./nodes/use-note-display";
import type { Resolve } from "./nodes/build-display";
import { withNodeViews } from "./nodes/with-node-views";
import { useNoteReferences } from "./panel/use-note-references";
import { NotePanel } from "./panel/NotePanel";
import { CiteBanner } from "./cite/CiteBanner";
import { FootnoteDialog } from "./cite/FootnoteDialog";
import type { CitablePassage, FootnoteChoice } from "./cite/types";
import type { SourceChoice } from "./cite/AnnotationChooser";
import { insertFootnote, insertLesson } from "./note-commands";
import { MoveBlock } from "./move-block";
import "./note.css";

export interface NoteWorkspaceProps {
  workshopId: string;
  /** The workshop's theme names, in codebook order (the note's sections). */
  themes: string[];
  sources: SourceChoice[];
  /** A passage to offer for citing ("Cite in the note" in the reader), `null` when not found. */
  cite: CitablePassage | null | undefined;
}

/** The connected note: the editor with its live references, the footnotes, the lessons panel. */
export function NoteWorkspace({ connection, state, workshopId, themes, sources, cite }: NoteWorkspaceProps & { connection: NoteConnection; state: NoteConnectionState }) {
  const t = useTranslations("note");
  const locale = useLocale();
  const pathname = usePathname();
  const [store] = useState(() => new NoteDisplayStore());
  const { answer, refresh } = useNoteReferences(workshopId);
  const [dialogPassage, setDialogPassage] = useState<CitablePassage | null>(null);
  const [isDialogOpen, setIsDialogOpen] = useState(false);
  const [isBannerShown, setIsBannerShown] = useState(cite !== undefined);

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: false,
      extensions: [
        ...withNodeViews(noteContentExtensions(), store),
        MoveBlock,
        Collaboration.configure({ document: connection.doc }),
        CollaborationCaret.configure({
          provider: { awareness: connection.awareness },
          user: { color: connection.caretColor },
          render: renderCaret,
          selectionRender: renderSelection,
        }),
      ],
      editorProps: {
        attributes: { id: "note-body", class: "note-body", "aria-label": t("editorLabel"), "aria-multiline": "true", role: "textbox" },
      },
    },
    [connection, store],
  );

  const resolve = useMemo<Resolve>(() => (content, references) => resolveNote(content, references, { locale: isLocale(locale) ? locale : DEFAULT_LOCALE }), [locale]);
  useNoteDisplay(editor, answer?.references ?? null, resolve, store, refresh);
  const words = useWordCount(editor);
  // The ids as one string: the workspace renders again when lessons come or go, not at every keystroke.
  const readLessonIds = useCallback(() => [...store.getSnapshot().lessons.keys()].sort().join(","), [store]);
  const lessonIdsKey = useSyncExternalStore(store.subscribe, readLessonIds, readLessonIds);
  const lessonIdsInNote = useMemo(() => new Set(lessonIdsKey.split(",").filter(Boolean)), [lessonIdsKey]);

  const canEdit = Boolean(editor && state.synced && state.canEdit);
  useEffect(() => {
    if (editor && state.synced) editor.setEditable(state.canEdit);
  }, [editor, state.synced, state.canEdit]);
  useOpeningCaret(editor, canEdit);

  const openDialog = useCallback((passage: CitablePassage | null) => {
    setDialogPassage(passage);
    setIsDialogOpen(true);
  }, []);

  function handleFootnote(choice: FootnoteChoice) {
    if (editor) insertFootnote(editor, choice);
  }

  function dismissBanner() {
    setIsBannerShown(false);
    // The address loses its ?cite= (a reload must not offer it again), without asking the server.
    window.history.replaceState(null, "", pathname);
  }

  const toolbar = canEdit && editor ? (
    <NoteToolbar editor={editor} themes={themes} onFootnote={() => openDialog(null)} />
  ) : null;

  return (
    <div className="note-layout">
      <div className="note-main stack-small">
        {isBannerShown && cite !== undefined && (
          <CiteBanner
            passage={cite}
            canInsert={canEdit}
            onInsert={(withQuote) => {
              if (!editor || !cite) return;
              insertFootnote(editor, { passageId: cite.passageId, quote: withQuote });
              dismissBanner();
            }}
            onDismiss={dismissBanner}
          />
        )}
        <NoteFrame state={state} toolbar={toolbar} words={state.synced ? words : null}>
          {state.synced ? <EditorContent editor={editor} /> : null}
        </NoteFrame>
        {state.synced && <NoteGuardPanel workshopId={workshopId} editor={editor} canDismiss={canEdit} />}
        <NoteFootnotes store={store} />
      </div>
      <NotePanel
        workshopId={workshopId}
        panel={answer?.panel ?? null}
        lessonIdsInNote={lessonIdsInNote}
        canEdit={canEdit}
        onInsert={(lesson, theme) => editor && insertLesson(editor, lesson, theme, themes)}
        onCite={openDialog}
      />
      {canEdit && (
        <FootnoteDialog
          workshopId={workshopId}
          sources={sources}
          open={isDialogOpen}
          onOpenChange={setIsDialogOpen}
          passage={dialogPassage}
          onInsert={handleFootnote}
        />
      )}
    </div>
  );
}
