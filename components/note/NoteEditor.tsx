"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { EditorContent, useEditor } from "@tiptap/react";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { noteContentExtensions } from "@/lib/notes/editor-extensions";
import { NoteConnection, type NoteConnectionState } from "./note-connection";
import { NoteToolbar } from "./NoteToolbar";
import { CONNECTING, NoteFrame } from "./NoteFrame";

/** Another person's caret: a coloured bar, with no name (Chatham House: carets say where, never who). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "note-caret";
  caret.setAttribute("aria-hidden", "true");
  if (typeof user.color === "string") caret.style.borderColor = user.color;
  return caret;
}

function renderSelection(user: Record<string, unknown>) {
  return { nodeName: "span", class: "note-selection", style: `background-color: ${String(user.color ?? "#999")}33` };
}

interface Props {
  workshopId: string;
  themes: string[];
}

/** The live meeting note: one document co-edited by everyone who may edit it. Browser only. */
export default function NoteEditor({ workshopId, themes }: Props) {
  const [connection, setConnection] = useState<NoteConnection | null>(null);
  const [state, setState] = useState<NoteConnectionState>(CONNECTING);
  // A new connection (and Yjs document, so a new client number) per visit of the page.
  useEffect(() => {
    const created = new NoteConnection(workshopId, setState);
    const stop = created.start();
    // The connection owns a socket subscription and an awareness timer, so it is made in this
    // effect, never during render; a stopped one cannot restart (Strict Mode runs effects twice).
    // The editor binds to its document, so render gets it through state set here.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- publishes the external resource this effect creates and cleans up
    setConnection(created);
    return () => {
      stop();
      setConnection(null);
      setState(CONNECTING);
    };
  }, [workshopId]);
  if (!connection) return <NoteFrame state={CONNECTING} />;
  return <ConnectedNote key={workshopId} connection={connection} state={state} themes={themes} />;
}

function ConnectedNote({ connection, state, themes }: { connection: NoteConnection; state: NoteConnectionState; themes: string[] }) {
  const t = useTranslations("note");

  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: false,
      extensions: [
        ...noteContentExtensions(),
        Collaboration.configure({ document: connection.doc }),
        CollaborationCaret.configure({
          provider: { awareness: connection.awareness },
          user: { color: connection.caretColor },
          render: renderCaret,
          selectionRender: renderSelection,
        }),
      ],
      editorProps: {
        attributes: {
          id: "note-body",
          class: "note-body",
          "aria-label": t("editorLabel"),
          "aria-multiline": "true",
          role: "textbox",
        },
      },
    },
    [connection],
  );

  useEffect(() => {
    if (editor && state.synced) editor.setEditable(state.canEdit);
  }, [editor, state.synced, state.canEdit]);

  const toolbar = editor && state.synced && state.canEdit ? <NoteToolbar editor={editor} themes={themes} /> : null;
  return (
    <NoteFrame state={state} toolbar={toolbar}>
      {state.synced ? <EditorContent editor={editor} /> : null}
    </NoteFrame>
  );
}
