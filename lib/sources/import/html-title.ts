import { Parser } from "htmlparser2";

// A <title> inside inline SVG or MathML names a drawing, not the page.
const FOREIGN = new Set(["svg", "math"]);

/**
 * The text of an HTML page's <title> (entities decoded), or null when it has none. Parsing stops
 * at the end of that element, so a large page costs no more than its head.
 */
export function readHtmlTitle(html: string): string | null {
  let title: string | null = null;
  let isInTitle = false;
  let foreignDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (FOREIGN.has(name)) foreignDepth += 1;
        else if (name === "title" && foreignDepth === 0 && title === null) {
          isInTitle = true;
          title = "";
        }
      },
      ontext(text) {
        if (isInTitle) title += text;
      },
      onclosetag(name) {
        if (FOREIGN.has(name)) foreignDepth -= 1;
        else if (name === "title" && isInTitle) {
          isInTitle = false;
          parser.pause();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return title;
}
