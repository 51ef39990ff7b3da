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
type Block = { text: string; quote: number | null };

const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * An absolute http:, https: or mailto: URL, normalized and written so that Markdown's `(url)`
 * cannot end early; null for anything else (relative links have no page to resolve against).
 */
function linkHref(href: string | undefined): string | null {
  try {
    const url = new URL(href?.trim() ?? "");
    return LINK_PROTOCOLS.has(url.protocol) ? url.href.replace(/\(/g, "%28").replace(/\)/g, "%29") : null;
  } catch {
    return null;
  }
}

/**
 * Turns HTML into the Markdown-shaped text of a source: h1–h6 become `#`–`######` lines, block elements become paragraphs separated by blank lines,
 * list items start with `- ` or `1. ` (an ordered list's `start` kept), block quotes' lines start with `> `, `<sup>` stays `<sup>n</sup>`,
 * strong/b become `**` and links to http:, https: and mailto: URLs become `[label](url)`.
 * Scripts, styles, embedded content and every other attribute are dropped; entities are decoded.
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

/** Where an ordered list starts counting: its `start` attribute when it is a number, else 1. */
function listStart(name: string, start: string | undefined): number {
  const value = Number(start);
  return name === "ol" && start?.trim() && Number.isInteger(value) && value >= 0 && value < 1e9 ? value : 1;
}

class BlockWriter {
  private readonly blocks: Block[] = [];
  private line = "";
  private prefix = "";
  private headingLevel = 0;
  private preDepth = 0;
  private strongDepth = 0;
  private supDepth = 0;
  private strongFrom: number | null = null;
  private supFrom: number | null = null;
  private readonly lists: { isOrdered: boolean; count: number }[] = [];
  private quoteDepth = 0;
  private quotes = 0;
  private linkDepth = 0;
  private link: { from: number; href: string } | null = null;

  open(name: string, attributes: Record<string, string>): void {
    const heading = /^h([1-6])$/.exec(name);
    if (heading) {
      this.flush();
      this.headingLevel = Number(heading[1]);
      // A heading inside a quote stays a line of the quote: the reader has no headings in quotes.
      this.prefix = this.quoteDepth ? "" : `${"#".repeat(this.headingLevel)} `;
    } else if (name === "li") {
      this.flush();
      const list = this.lists[this.lists.length - 1];
      const footnote = FOOTNOTE_ITEM.exec(attributes.id ?? "");
      if (list) list.count += 1;
      this.prefix = footnote ? `<sup>${footnote[1]}</sup> ` : list?.isOrdered ? `${list.count}. ` : "- ";
    } else if (BLOCKS.has(name)) {
      this.flush();
      if (name === "ul" || name === "ol") this.lists.push({ isOrdered: name === "ol", count: listStart(name, attributes.start) - 1 });
      if (name === "pre") this.preDepth += 1;
      if (name === "blockquote" && this.quoteDepth++ === 0) this.quotes += 1;
    } else if (name === "a") {
      if (this.linkDepth++ === 0) {
        // Bold stops at the link's edges, so that `**` and `[` never interleave.
        this.syncStrong(false);
        const href = linkHref(attributes.href);
        this.link = href && !this.headingLevel && !this.preDepth ? { from: this.line.length, href } : null;
      }
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
      if (name === "blockquote") this.quoteDepth = Math.max(0, this.quoteDepth - 1);
    } else if (name === "a") {
      if (this.linkDepth > 0 && --this.linkDepth === 0) {
        this.syncStrong(false);
        this.wrapLink();
      }
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

  /** Blocks separated by blank lines; paragraphs of one quote by a `>` line, so that they stay one quote. */
  finish(): string {
    this.flush();
    return this.blocks
      .map((block, index) => {
        const previous = this.blocks[index - 1];
        const separator = !previous ? "" : block.quote !== null && block.quote === previous.quote ? "\n>\n" : "\n\n";
        return separator + (block.quote === null ? block.text : block.text.replace(/^/gm, "> "));
      })
      .join("");
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

  private wrapLink(): void {
    if (!this.link) return;
    const { from, href } = this.link;
    this.link = null;
    // A label with brackets or a line break cannot be written as one: it stays plain text.
    if (!/[[\]\n]/.test(this.line.slice(from))) this.wrap(from, "[", `](${href})`);
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
    // Innermost first: wrapping the outer one first would move where the inner one starts.
    const link = this.link;
    if (link && this.supFrom !== null && link.from < this.supFrom) {
      this.wrapSup();
      this.wrapLink();
    } else {
      this.wrapLink();
      this.wrapSup();
    }
    let body = this.preDepth > 0 ? this.line.replace(/^\n+|\s+$/g, "") : this.line.split("\n").map((l) => l.trim()).join("\n").trim();
    if (this.headingLevel) body = body.replace(/\s+/g, " ");
    if (body) {
      this.blocks.push({ text: this.prefix + body, quote: this.quoteDepth ? this.quotes : null });
      this.prefix = "";
    }
    this.line = "";
    if (this.supDepth > 0) this.supFrom = 0;
    // A link around blocks goes on in the next one.
    if (link && this.linkDepth > 0) this.link = { from: 0, href: link.href };
    this.syncStrong();
  }
}
