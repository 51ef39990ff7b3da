import type { AnyExtension } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { HEADING_LEVELS } from "./schema";

/**
 * The note's content model for Tiptap: exactly the nodes and marks of ./schema (a test holds the
 * two together). No code, links or embeds; history comes from Yjs, not from the editor.
 */
export function noteContentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      code: false,
      codeBlock: false,
      link: false,
      trailingNode: false,
      heading: { levels: [...HEADING_LEVELS] },
    }),
  ];
}
