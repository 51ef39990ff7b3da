import { getSchema, type JSONContent } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer";
import { describe, expect, it } from "vitest";
import { noteContentExtensions } from "./editor-extensions";
import { resolveNote } from "./resolve-note";

const stored: JSONContent = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "lessonRef", attrs: { lessonId: "lesson1" } },
        { type: "text", text: " mandates were too broad." },
        { type: "citation", attrs: { passageId: "passage1", note: null, quote: true } },
        { type: "citation", attrs: { passageId: null, note: "UN Doc. S/RES/2100.", quote: false } },
      ],
    },
  ],
};

/** An element as parse rules read it (the tests run without a DOM). */
const element = (attributes: Record<string, string>) => ({ getAttribute: (name: string) => attributes[name] ?? null }) as unknown as HTMLElement;

describe("reference nodes", () => {
  it("render without the resolver: ids only, an empty phrase and a placeholder marker", () => {
    const html = renderToHTMLString({ extensions: noteContentExtensions(), content: stored });
    expect(html).toContain('<span data-lesson-ref="lesson1" class="note-lesson-ref"></span> mandates were too broad.');
    expect(html).toContain('data-passage-id="passage1" data-quote="true" data-citation="" class="note-citation"><sup>*</sup>');
    expect(html).toContain('data-note="UN Doc. S/RES/2100."');
  });

  it("render a resolved note with its phrases and footnote numbers (the resolved variant)", () => {
    const references = {
      lessons: { lesson1: { lessonId: "lesson1", state: "live" as const, consensus: "few" as const, phrase: "", statement: "s", themeIds: [], mergedIntoId: null } },
      passages: {},
    };
    const { doc } = resolveNote(stored, references, { locale: "en" });
    const html = renderToHTMLString({ extensions: noteContentExtensions({ resolved: true }), content: doc });
    expect(html).toContain('class="note-lesson-ref" data-state="live">A few participants noted that</span> mandates were too broad.');
    expect(html).toContain('data-flagged="true"><sup>1</sup>');
    expect(html).toContain("<sup>2</sup>");
    expect(html).not.toMatch(/phrase=|number=/);
  });

  it("parse back from their HTML (copy and paste within the note)", () => {
    const schema = getSchema(noteContentExtensions());
    const lessonRule = schema.nodes.lessonRef!.spec.parseDOM![0]!;
    const citationRule = schema.nodes.citation!.spec.parseDOM![0]!;
    expect(lessonRule.tag).toBe("span[data-lesson-ref]");
    expect(citationRule.tag).toBe("span[data-citation]");
    expect(lessonRule.getAttrs!(element({ "data-lesson-ref": "lesson1" }))).toEqual({ lessonId: "lesson1" });
    expect(citationRule.getAttrs!(element({ "data-citation": "", "data-note": "Free", "data-quote": "true" }))).toEqual({ note: "Free", quote: true });
  });

  it("are inline atoms, selectable, not draggable", () => {
    const schema = getSchema(noteContentExtensions());
    for (const name of ["lessonRef", "citation"]) {
      const type = schema.nodes[name]!;
      expect([type.isInline, type.isAtom, type.spec.selectable, type.spec.draggable], name).toEqual([true, true, true, false]);
    }
  });
});
