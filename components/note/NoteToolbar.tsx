"use client";

import type { KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import { useEditorState, type Editor } from "@tiptap/react";
import { missingThemeSections } from "@/lib/notes/theme-sections";

type Command = {
  id: string;
  /** Shown as the keyboard shortcut next to the label, for those who prefer the keyboard. */
  shortcut?: string;
  isActive?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
};

const COMMANDS: Command[] = [
  { id: "bold", shortcut: "Ctrl+B", isActive: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
  { id: "italic", shortcut: "Ctrl+I", isActive: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
  { id: "underline", shortcut: "Ctrl+U", isActive: (e) => e.isActive("underline"), run: (e) => e.chain().focus().toggleUnderline().run() },
  { id: "heading", shortcut: "Ctrl+Alt+2", isActive: (e) => e.isActive("heading", { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { id: "subheading", shortcut: "Ctrl+Alt+3", isActive: (e) => e.isActive("heading", { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { id: "bulletList", shortcut: "Ctrl+Shift+8", isActive: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
  { id: "orderedList", shortcut: "Ctrl+Shift+7", isActive: (e) => e.isActive("orderedList"), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { id: "quote", shortcut: "Ctrl+Shift+B", isActive: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
  { id: "undo", shortcut: "Ctrl+Z", run: (e) => e.chain().focus().undo().run() },
  { id: "redo", shortcut: "Ctrl+Shift+Z", run: (e) => e.chain().focus().redo().run() },
];

/** Moves focus between toolbar buttons with the arrow keys (the WAI-ARIA toolbar pattern). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button")];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (index < 0) return;
  event.preventDefault();
  const next = (index + (event.key === "ArrowRight" ? 1 : -1) + buttons.length) % buttons.length;
  buttons[next].focus();
}

/** Formatting, and a heading per workshop theme that the note lacks (its sections). */
export function NoteToolbar({ editor, themes }: { editor: Editor; themes: string[] }) {
  const t = useTranslations("note.toolbar");
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => COMMANDS.map((command) => command.isActive?.(current) ?? null),
  });

  const missingThemes = () => {
    const headings: string[] = [];
    editor.state.doc.descendants((node) => {
      if (node.type.name === "heading") headings.push(node.textContent);
    });
    return missingThemeSections(headings, themes);
  };

  const addThemeSections = () => {
    const missing = missingThemes();
    if (!missing.length) return;
    const sections = missing.flatMap((theme) => [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: theme }] },
      { type: "paragraph" },
    ]);
    editor.chain().focus("end").insertContentAt(editor.state.doc.content.size, sections).run();
  };

  return (
    <div role="toolbar" aria-label={t("label")} aria-controls="note-body" className="note-toolbar" onKeyDown={moveFocus}>
      {COMMANDS.map((command, index) => (
        <button
          key={command.id}
          type="button"
          className="tool"
          aria-pressed={command.isActive ? Boolean(active[index]) : undefined}
          aria-keyshortcuts={command.shortcut?.replace("Ctrl", "Control")}
          title={command.shortcut ? `${t(command.id)} (${command.shortcut})` : t(command.id)}
          onClick={() => command.run(editor)}
        >
          {t(command.id)}
        </button>
      ))}
      {themes.length > 0 && (
        <button type="button" className="tool" onClick={addThemeSections}>
          {t("themeSections")}
        </button>
      )}
    </div>
  );
}
