"use client";

import { Fragment, useSyncExternalStore, type ReactNode } from "react";
import { Toolbar, Tooltip } from "radix-ui";
import { useTranslations } from "next-intl";
import { ListPlus, Superscript } from "lucide-react";
import { useEditorState, type Editor } from "@tiptap/react";
import { missingThemeSections } from "@/lib/notes/theme-sections";
import { TOOLBAR_GROUPS, ariaShortcut, formatShortcut } from "./toolbar-commands";

const COMMANDS = TOOLBAR_GROUPS.flat();
const noSubscription = () => () => {};
const readIsMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** A toolbar button with its tooltip (name and shortcut), reached by the toolbar's arrow keys. */
function ToolButton({ label, shortcut, children, ...props }: { label: string; shortcut?: string; children: ReactNode } & Toolbar.ToolbarButtonProps) {
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>
        <Toolbar.Button className="tool" {...props}>
          {children}
        </Toolbar.Button>
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content className="tooltip" side="bottom" sideOffset={6}>
          {label}
          {shortcut && <kbd className="tooltip-keys">{shortcut}</kbd>}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}

/**
 * Formatting in groups (Radix Toolbar: one Tab stop, arrow keys move along, tooltips show each
 * shortcut), the footnote button, and a heading per workshop theme that the note lacks.
 */
export function NoteToolbar({ editor, themes, onFootnote }: { editor: Editor; themes: string[]; onFootnote: () => void }) {
  const t = useTranslations("note.toolbar");
  const tCite = useTranslations("note.cite");
  // The toolbar renders only once the note is in sync, in the browser: no server markup to match.
  const isMac = useSyncExternalStore(noSubscription, readIsMac, () => false);
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => COMMANDS.map((command) => command.isActive?.(current) ?? null),
  });

  const addThemeSections = () => {
    const headings: string[] = [];
    editor.state.doc.descendants((node) => {
      if (node.type.name === "heading") headings.push(node.textContent);
    });
    const missing = missingThemeSections(headings, themes);
    if (!missing.length) return;
    const sections = missing.flatMap((theme) => [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: theme }] },
      { type: "paragraph" },
    ]);
    editor.chain().focus("end").insertContentAt(editor.state.doc.content.size, sections).run();
  };

  return (
    <Tooltip.Provider delayDuration={400}>
      <Toolbar.Root aria-label={t("label")} aria-controls="note-body" className="note-toolbar">
        {TOOLBAR_GROUPS.map((group, groupIndex) => (
          <Fragment key={group[0].id}>
            {groupIndex > 0 && <Toolbar.Separator className="note-toolbar-separator" />}
            {group.map((command) => {
              const index = COMMANDS.indexOf(command);
              return (
                <ToolButton
                  key={command.id}
                  label={t(command.id)}
                  shortcut={command.keys && formatShortcut(command.keys, isMac)}
                  aria-label={t(command.id)}
                  aria-pressed={command.isActive ? Boolean(active[index]) : undefined}
                  aria-keyshortcuts={command.keys && ariaShortcut(command.keys, isMac)}
                  onClick={() => command.run(editor)}
                >
                  <command.icon aria-hidden="true" className="icon" />
                </ToolButton>
              );
            })}
          </Fragment>
        ))}
        <Toolbar.Separator className="note-toolbar-separator" />
        <ToolButton label={tCite("title")} onClick={onFootnote}>
          <Superscript aria-hidden="true" className="icon" />
          <span>{tCite("footnote")}</span>
        </ToolButton>
        {themes.length > 0 && (
          <ToolButton label={t("themeSectionsHint")} onClick={addThemeSections}>
            <ListPlus aria-hidden="true" className="icon" />
            <span>{t("themeSections")}</span>
          </ToolButton>
        )}
      </Toolbar.Root>
    </Tooltip.Provider>
  );
}
