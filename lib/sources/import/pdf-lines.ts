/** A run of text as pdf.js reports it, in PDF user space (y grows upwards, baseline at `y`). */
export type PdfTextRun = { text: string; x: number; y: number; width: number; height: number; hasEOL: boolean };

/** One visual line of a page: its text, baseline `y`, left `x`, right end and font size. */
export type PdfLine = { text: string; x: number; y: number; right: number; size: number };

// What a footnote or ordinal marker looks like once it is small and raised: "1", "12", "*", "th".
const MARKER = /^(\d{1,3}|[*†‡§]|st|nd|rd|th)$/;

/**
 * Groups a page's runs (in content order) into lines. A run joins the current line when its
 * vertical band overlaps the line's, so a raised footnote number stays on its line; a run
 * that is smaller than the line and raised becomes `<sup>n</sup>`.
 */
export function groupRunsIntoLines(runs: PdfTextRun[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfTextRun[] = [];
  let isBreakPending = false;
  for (const run of runs) {
    if (!run.text.trim()) {
      if (current.length > 0) current.push(run);
      isBreakPending ||= run.hasEOL;
      continue;
    }
    if (current.length > 0 && startsNewLine(current, run, isBreakPending)) {
      lines.push(buildLine(current));
      current = [];
    }
    current.push(run);
    isBreakPending = run.hasEOL;
  }
  if (current.some((run) => run.text.trim())) lines.push(buildLine(current));
  return lines.filter((line) => line.text);
}

function startsNewLine(line: PdfTextRun[], run: PdfTextRun, isBreakPending: boolean): boolean {
  const tallest = tallestRun(line);
  const overlap = Math.min(tallest.y + tallest.height, run.y + run.height) - Math.max(tallest.y, run.y);
  if (overlap < 0.5 * Math.min(tallest.height, run.height)) return true;
  // pdf.js marks ends of lines; trust it unless the run carries on to the right on the same band.
  const right = Math.max(...line.map((r) => r.x + r.width));
  return isBreakPending && run.x < right - tallest.height;
}

function tallestRun(runs: PdfTextRun[]): PdfTextRun {
  return runs.reduce((tallest, run) => (run.text.trim() && run.height > tallest.height ? run : tallest));
}

function buildLine(runs: PdfTextRun[]): PdfLine {
  const base = tallestRun(runs);
  const size = base.height;
  let text = "";
  let previousRight: number | null = null;
  for (const run of runs) {
    const trimmed = run.text.trim();
    const isMarker = trimmed && run.height < 0.85 * size && run.y > base.y + 0.15 * size && MARKER.test(trimmed);
    if (isMarker) {
      text = `${text.trimEnd()}<sup>${trimmed}</sup>`;
    } else {
      if (previousRight !== null && run.x - previousRight > 0.15 * size) text += " ";
      text += run.text;
    }
    previousRight = run.x + run.width;
  }
  const visible = runs.filter((run) => run.text.trim());
  return {
    text: text.replace(/\s+/g, " ").trim(),
    x: Math.min(...visible.map((run) => run.x)),
    y: base.y,
    right: Math.max(...visible.map((run) => run.x + run.width)),
    size,
  };
}
