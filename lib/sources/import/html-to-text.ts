import { Parser } from "htmlparser2";

// Elements whose content is never text for the reader: code, styling, embedded documents,
// media and form controls. Their content is dropped whole, so nothing in them is kept or run.
const DROPPED = new Set(
  "script style iframe frame frameset noscript noembed noframes template object embed applet svg math canvas head title select textarea button audio video map".split(
    " ",
  ),
);
const BLOCKS = new Set(
  "html body main article section header footer aside nav div p blockquote pre figure figcaption address hr ul ol dl dt dd table caption thead tbody tfoot tr form fieldset details summary center".split(
    " ",
  ),
);
// A footnote list item and its back link, as mammoth writes them (`footnote-1`, `footnote-ref-1`).
const FOOTNOTE_ITEM = /^(?:[\w-]*-)?(?:footnote|endnote)-(\d+)$/;
const FOOTNOTE_BACKLINK = /^#(?:[\w-]*-)?(?:footnote|endnote)-ref-\d+$/;

type Frame = { name: string; isDropped: boolean };

/**
 * Turns HTML into the Markdown-shaped text of a source: h1–h6 become `#`–`######` lines, block elements become paragraphs separated by blank lines,
 * list items start with `- ` or `1. `, `<sup>` stays `<sup>n</sup>` and strong/b become `**`.
 * Scripts, styles, embedded content and every attribute are dropped; entities are decoded.
 */
export function htmlToSourceText(html: string): string {
  const writer = new BlockWriter();
  const stack: Frame[] = [];
  let dropDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const isDropped =
          DROPPED.has(name) || "hidden" in attributes || (name === "a" && FOOTNOTE_BACKLINK.test(attributes.href ?? ""));
        stack.push({ name, isDropped });
        if (isDropped) dropDepth += 1;
        if (dropDepth === 0) writer.open(name, attributes);
      },
      onclosetag(name) {
        const frame = stack.pop();
        if (dropDepth === 0) writer.close(frame?.name ?? name);
        if (frame?.isDropped) dropDepth -= 1;
      },
      ontext(text) {
        if (dropDepth === 0) writer.text(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return writer.finish();
}

class BlockWriter {
  private readonly blocks: string[] = [];
  private line = "";
  private prefix = "";
  private headingLevel = 0;
  private preDepth = 0;
  private strongDepth = 0;
  private supDepth = 0;
  private strongFrom: number | null = null;
  private supFrom: number | null = null;
  private readonly lists: { isOrdered: boolean; count: number }[] = [];

  open(name: string, attributes: Record<string, string>): void {
    const heading = /^h([1-6])$/.exec(name);
    if (heading) {
      this.flush();
      this.headingLevel = Number(heading[1]);
      this.prefix = `${"#".repeat(this.headingLevel)} `;
    } else if (name === "li") {
      this.flush();
      const list = this.lists[this.lists.length - 1];
      const footnote = FOOTNOTE_ITEM.exec(attributes.id ?? "");
      if (list) list.count += 1;
      this.prefix = footnote ? `<sup>${footnote[1]}</sup> ` : list?.isOrdered ? `${list.count}. ` : "- ";
    } else if (BLOCKS.has(name)) {
      this.flush();
      if (name === "ul" || name === "ol") this.lists.push({ isOrdered: name === "ol", count: 0 });
      if (name === "pre") this.preDepth += 1;
    } else if (name === "br") {
      this.line += this.headingLevel ? " " : "\n";
    } else if (name === "td" || name === "th") {
      if (this.line.trim()) this.line += " | ";
    } else if (name === "strong" || name === "b") {
      this.strongDepth += 1;
    } else if (name === "sup") {
      if (this.supDepth++ === 0) {
        this.syncStrong(false);
        this.supFrom = this.line.length;
      }
    }
    this.syncStrong();
  }

  close(name: string): void {
    if (/^h[1-6]$/.test(name)) {
      this.flush();
      this.headingLevel = 0;
      this.prefix = "";
    } else if (name === "li") {
      this.flush();
      this.prefix = "";
    } else if (BLOCKS.has(name)) {
      this.flush();
      if (name === "ul" || name === "ol") this.lists.pop();
      if (name === "pre") this.preDepth -= 1;
    } else if (name === "strong" || name === "b") {
      this.strongDepth -= 1;
    } else if (name === "sup" && --this.supDepth === 0) {
      this.wrapSup();
    }
    this.syncStrong();
  }

  text(text: string): void {
    if (this.preDepth > 0) {
      this.line += text.replace(/\r\n?/g, "\n");
      return;
    }
    const collapsed = text.replace(/[ \t\n\r\f]+/g, " ");
    this.line += this.line === "" || /[ \n]$/.test(this.line) ? collapsed.replace(/^ /, "") : collapsed;
  }

  finish(): string {
    this.flush();
    return this.blocks.join("\n\n");
  }

  /** Bold is written only where the reading view can show it: not in headings, code or footnote markers. */
  private syncStrong(isAllowed = true): void {
    const isWanted = isAllowed && this.strongDepth > 0 && this.supDepth === 0 && !this.headingLevel && !this.preDepth;
    if (isWanted && this.strongFrom === null) this.strongFrom = this.line.length;
    if (!isWanted && this.strongFrom !== null) {
      this.wrap(this.strongFrom, "**", "**");
      this.strongFrom = null;
    }
  }

  private wrapSup(): void {
    if (this.supFrom === null) return;
    // Footnote references often read "[1]" (mammoth, wikis): the marker is the number alone.
    this.wrap(this.supFrom, "<sup>", "</sup>", (marker) => marker.replace(/^\[(.+)\]$/, "$1"));
    this.supFrom = null;
  }

  private wrap(from: number, open: string, close: string, clean = (core: string) => core): void {
    const segment = this.line.slice(from);
    const core = clean(segment.trim());
    if (!core) return;
    const lead = /^\s*/.exec(segment)![0];
    const trail = /\s*$/.exec(segment)![0];
    this.line = `${this.line.slice(0, from)}${lead}${open}${core}${close}${trail}`;
  }

  private flush(): void {
    this.syncStrong(false);
    this.wrapSup();
    let body = this.preDepth > 0 ? this.line.replace(/^\n+|\s+$/g, "") : this.line.split("\n").map((l) => l.trim()).join("\n").trim();
    if (this.headingLevel) body = body.replace(/\s+/g, " ");
    if (body) {
      this.blocks.push(this.prefix + body);
      this.prefix = "";
    }
    this.line = "";
    if (this.supDepth > 0) this.supFrom = 0;
    this.syncStrong();
  }
}
