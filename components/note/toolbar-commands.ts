import type { Editor } from "@tiptap/react";
import type { LucideIcon } from "lucide-react";
import { ArrowDown, ArrowUp, Bold, Heading2, Heading3, Italic, List, ListOrdered, Redo2, TextQuote, Underline, Undo2 } from "lucide-react";
import { moveBlock } from "./move-block";

export interface ToolbarCommand {
  /** The key of its name in `note.toolbar` (also its accessible name). */
  id: string;
  icon: LucideIcon;
  /** The keys that do the same, as written on a PC keyboard ("Mod" is Ctrl, or ⌘ on a Mac). */
  keys?: readonly string[];
  isActive?: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

/** The toolbar's groups, in order: marks, blocks, lists, moving, history. */
export const TOOLBAR_GROUPS: readonly (readonly ToolbarCommand[])[] = [
  [
    { id: "bold", icon: Bold, keys: ["Mod", "B"], isActive: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
    { id: "italic", icon: Italic, keys: ["Mod", "I"], isActive: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
    { id: "underline", icon: Underline, keys: ["Mod", "U"], isActive: (e) => e.isActive("underline"), run: (e) => e.chain().focus().toggleUnderline().run() },
  ],
  [
    { id: "heading", icon: Heading2, keys: ["Mod", "Alt", "2"], isActive: (e) => e.isActive("heading", { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
    { id: "subheading", icon: Heading3, keys: ["Mod", "Alt", "3"], isActive: (e) => e.isActive("heading", { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
    { id: "quote", icon: TextQuote, keys: ["Mod", "Shift", "B"], isActive: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
  ],
  [
    { id: "bulletList", icon: List, keys: ["Mod", "Shift", "8"], isActive: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
    { id: "orderedList", icon: ListOrdered, keys: ["Mod", "Shift", "7"], isActive: (e) => e.isActive("orderedList"), run: (e) => e.chain().focus().toggleOrderedList().run() },
  ],
  [
    { id: "moveUp", icon: ArrowUp, keys: ["Alt", "Shift", "ArrowUp"], run: (e) => moveBlock(e, -1) && e.commands.focus() },
    { id: "moveDown", icon: ArrowDown, keys: ["Alt", "Shift", "ArrowDown"], run: (e) => moveBlock(e, 1) && e.commands.focus() },
  ],
  [
    { id: "undo", icon: Undo2, keys: ["Mod", "Z"], run: (e) => e.chain().focus().undo().run() },
    { id: "redo", icon: Redo2, keys: ["Mod", "Shift", "Z"], run: (e) => e.chain().focus().redo().run() },
  ],
];

const MAC_SYMBOLS: Record<string, string> = { Mod: "⌘", Alt: "⌥", Shift: "⇧", ArrowUp: "↑", ArrowDown: "↓" };
const PC_NAMES: Record<string, string> = { Mod: "Ctrl", ArrowUp: "↑", ArrowDown: "↓" };

/** The shortcut as people read it on their keyboard: "Ctrl+B" on a PC, "⌘B" on a Mac. */
export function formatShortcut(keys: readonly string[], isMac: boolean): string {
  return isMac ? keys.map((key) => MAC_SYMBOLS[key] ?? key).join("") : keys.map((key) => PC_NAMES[key] ?? key).join("+");
}

/** The shortcut as `aria-keyshortcuts` wants it ("Control+B", "Meta+B"). */
export function ariaShortcut(keys: readonly string[], isMac: boolean): string {
  return keys.map((key) => (key === "Mod" ? (isMac ? "Meta" : "Control") : key)).join("+");
}
