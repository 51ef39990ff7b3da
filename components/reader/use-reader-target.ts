"use client";

import { useEffect, useRef, useState } from "react";
import type { PresentedAnnotation } from "@/lib/annotations/present";
import { parseReaderTarget } from "./fragment";
import type { readerApi } from "./api";

/** What a `#passage-` link opened, or why it could not be shown. */
export type LinkedPassage =
  | { state: "placed"; id: string; start: number; end: number; quote: string }
  | { state: "orphan"; id: string; quote: string }
  | { state: "missing"; id: string };

interface ReaderTargetOptions {
  api: ReturnType<typeof readerApi>;
  sourceId: string;
  annotations: PresentedAnnotation[];
  /** Opens an annotation named by `#annotation-<id>`: selects and shows it. */
  onOpenAnnotation: (annotationId: string) => void;
}

/**
 * Follows the address's fragment, on arrival and on every `hashchange`: `#annotation-<id>`
 * opens that annotation; `#passage-<id>` highlights the passage, taken from a loaded
 * annotation when one points to it, otherwise fetched (evidence and footnotes cite passages no
 * annotation may share). A passage of another source sends the browser to its own reader.
 */
export function useReaderTarget({ api, sourceId, annotations, onOpenAnnotation }: ReaderTargetOptions) {
  const [linked, setLinked] = useState<LinkedPassage | null>(null);
  // The listener is installed once; it reads the latest annotations and callback from here.
  const latest = useRef({ annotations, onOpenAnnotation });
  useEffect(() => {
    latest.current = { annotations, onOpenAnnotation };
  });

  useEffect(() => {
    let request = 0;
    async function follow() {
      const target = parseReaderTarget(window.location.hash);
      const mine = ++request;
      if (!target) return;
      if (target.kind === "annotation") {
        setLinked(null);
        latest.current.onOpenAnnotation(target.id);
        return;
      }
      const known = latest.current.annotations.find((annotation) => annotation.passage.id === target.id)?.passage;
      let passage = known;
      if (!passage) {
        try {
          const { passage: cited } = await api.passage(target.id);
          if (cited.source.id !== sourceId) {
            window.location.assign(cited.href);
            return;
          }
          passage = cited;
        } catch {
          if (mine === request) setLinked({ state: "missing", id: target.id });
          return;
        }
      }
      if (mine !== request) return;
      setLinked(
        passage.isOrphan || passage.start === null || passage.end === null
          ? { state: "orphan", id: passage.id, quote: passage.quote.exact }
          : { state: "placed", id: passage.id, start: passage.start, end: passage.end, quote: passage.quote.exact },
      );
    }
    void follow();
    window.addEventListener("hashchange", follow);
    return () => {
      request += 1;
      window.removeEventListener("hashchange", follow);
    };
  }, [api, sourceId]);

  // Dismissed, the link is gone from the address too: a reload does not bring it back.
  const dismiss = () => {
    setLinked(null);
    if (parseReaderTarget(window.location.hash)) window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  };
  return { linked, dismiss };
}
