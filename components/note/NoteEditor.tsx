"use client";

import { useEffect, useState } from "react";
import { NoteConnection, type NoteConnectionState } from "./note-connection";
import { CONNECTING, NoteFrame } from "./NoteFrame";
import { NoteWorkspace, type NoteWorkspaceProps } from "./NoteWorkspace";

/** The live meeting note: one document co-edited by everyone who may edit it. Browser only. */
export default function NoteEditor(props: NoteWorkspaceProps) {
  const { workshopId } = props;
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
  // A rebase (lib/notes/rebase-note.ts) gives the connection a new document: the editor, bound
  // to one document for its life (Tiptap's Collaboration extension), is made anew for it.
  return <NoteWorkspace key={`${workshopId}:${state.documentId}`} connection={connection} state={state} {...props} />;
}
