/**
 * Writes the highlight colours (components/reader/paint.ts, from the palette in
 * lib/themes/palette.ts) into their generated section of app/globals.css, so they are in the
 * page's one stylesheet from the first paint. paint.test.ts fails when they no longer match.
 *
 *   npx tsx scripts/write-highlight-css.ts
 */
import fs from "node:fs";
import { HIGHLIGHT_CSS_FILE, withHighlightCss } from "@/components/reader/paint";

fs.writeFileSync(HIGHLIGHT_CSS_FILE, withHighlightCss(fs.readFileSync(HIGHLIGHT_CSS_FILE, "utf8")));
console.log(`Wrote the highlight colours into ${HIGHLIGHT_CSS_FILE}.`);
