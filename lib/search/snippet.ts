import crypto from "node:crypto";
import type { SnippetSegment } from "./schemas";

/**
 * The markers ts_headline puts around matched words. They are fresh for every search, so a text
 * that happens to contain marker-like characters cannot pass for a match, and they are turned into
 * segments here: the browser renders segments as text (matched ones in <mark>), never database
 * text as HTML.
 */
export interface SnippetMarkers {
  start: string;
  stop: string;
}

export function freshMarkers(): SnippetMarkers {
  const nonce = crypto.randomBytes(9).toString("base64url");
  return { start: `\u27E6${nonce}\u27E7`, stop: `\u27E6/${nonce}\u27E7` };
}

/** ts_headline options: the markers (double quotes are not allowed in them), and how much to show. */
export function headlineOptions(markers: SnippetMarkers, { whole }: { whole: boolean }): string {
  const marks = `StartSel="${markers.start}", StopSel="${markers.stop}"`;
  return whole ? `${marks}, HighlightAll=true` : `${marks}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
}

/** The headline split at the markers; an unpaired marker is dropped rather than trusted. */
export function segmentsOf(headline: string, markers: SnippetMarkers): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.marked === marked) last.text += text;
    else segments.push({ text, marked });
  };
  let rest = headline;
  while (rest.length > 0) {
    const open = rest.indexOf(markers.start);
    if (open < 0) break;
    const close = rest.indexOf(markers.stop, open + markers.start.length);
    if (close < 0) break;
    push(rest.slice(0, open), false);
    push(rest.slice(open + markers.start.length, close), true);
    rest = rest.slice(close + markers.stop.length);
  }
  push(rest.split(markers.start).join("").split(markers.stop).join(""), false);
  return segments;
}
