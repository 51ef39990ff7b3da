import { Extension, type Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";

/**
 * Moves the top-level block that holds the caret (a paragraph, heading, list or quote) one place
 * up or down, caret and all: what dragging a paragraph does, from the keyboard. Footnote numbers
 * follow, since they are computed from the order of the text.
 */
export function moveBlock(editor: Editor, direction: -1 | 1): boolean {
  const { state } = editor;
  const { $from, from } = state.selection;
  if ($from.depth < 1) return false;
  const index = $from.index(0);
  const target = index + direction;
  if (target < 0 || target >= state.doc.childCount) return false;
  const block = state.doc.child(index);
  const neighbour = state.doc.child(target);
  const start = $from.before(1);
  // Once the block is out, the neighbour below starts where the block did.
  const insertAt = direction < 0 ? start - neighbour.nodeSize : start + neighbour.nodeSize;
  const tr = state.tr.delete(start, start + block.nodeSize).insert(insertAt, block);
  tr.setSelection(TextSelection.near(tr.doc.resolve(insertAt + (from - start))));
  editor.view.dispatch(tr.scrollIntoView());
  return true;
}

/** Alt+Shift+↑ and Alt+Shift+↓ move the block at the caret. */
export const MoveBlock = Extension.create({
  name: "moveBlock",
  addKeyboardShortcuts() {
    return {
      "Alt-Shift-ArrowUp": () => this.editor.isEditable && moveBlock(this.editor, -1),
      "Alt-Shift-ArrowDown": () => this.editor.isEditable && moveBlock(this.editor, 1),
    };
  },
});
