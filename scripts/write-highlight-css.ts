/**
 * Writes components/reader/highlights.css from the theme palette (lib/themes/palette.ts, through
 * components/reader/paint.ts). The reader imports it as a stylesheet so the colours are in the
 * page's head from the first paint; paint.test.ts fails when it no longer matches the palette.
 *
 *   npx tsx scripts/write-highlight-css.ts
 */
import fs from "node:fs";
import { HIGHLIGHT_CSS_FILE, highlightCssFile } from "@/components/reader/paint";

fs.writeFileSync(HIGHLIGHT_CSS_FILE, highlightCssFile());
console.log(`Wrote ${HIGHLIGHT_CSS_FILE}.`);
