import type { AnyExtension } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { referenceNodes, resolvedReferenceNodes } from "./reference-nodes";
import { HEADING_LEVELS } from "./schema";

/**
 * The note's content model for Tiptap: exactly the nodes, marks and attributes of ./schema (a
 * test holds the two together). No code, links or embeds; history comes from Yjs, not from the
 * editor.
 *
 * `resolved: true` is for rendering a resolved note (./resolve-note.ts): the reference nodes
 * then also carry the phrase and footnote number the resolver computed. Never for the live
 * editor (those attributes would be synced into the note).
 */
export function noteContentExtensions({ resolved = false }: { resolved?: boolean } = {}): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      code: false,
      codeBlock: false,
      link: false,
      trailingNode: false,
      heading: { levels: [...HEADING_LEVELS] },
    }),
    ...(resolved ? resolvedReferenceNodes() : referenceNodes()),
  ];
}
