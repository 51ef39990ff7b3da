"use client";

import dynamic from "next/dynamic";
import { CONNECTING, NoteFrame } from "./NoteFrame";
import type { NoteWorkspaceProps } from "./NoteWorkspace";

// The editor (Tiptap, Yjs) runs in the browser only: the server has its own Yjs copy for the
// socket layer, and a document rendered on the server would carry no live state anyway.
const NoteEditor = dynamic(() => import("./NoteEditor"), {
  ssr: false,
  loading: () => <NoteFrame state={CONNECTING} />,
});

export function MeetingNote(props: NoteWorkspaceProps) {
  return <NoteEditor {...props} />;
}
