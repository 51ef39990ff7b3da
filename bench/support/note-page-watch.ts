/**
 * What the note-browser bench runs inside the measured page. `WATCH_FRAMES` (an init script)
 * stamps, before socket.io sees them, the arrival of the socket's frames: binary ones (Yjs
 * updates) and lesson events. `armWatch` (run with page.evaluate) waits, in a MutationObserver,
 * for the DOM to show what the change should bring, and records long tasks meanwhile. Its
 * checks run on the measured main thread: they are kept to the editor and the footnote list.
 */
import type { Page } from "playwright-core";
import type { Expected } from "./note-remote";

export const WATCH_FRAMES = `(() => {
  const Native = window.WebSocket;
  window.__frames = { binary: 0, lesson: 0 };
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        const now = performance.now();
        if (typeof event.data !== "string") window.__frames.binary = now;
        else if (/"lesson:upserted"|"lessons:changed"/.test(event.data)) window.__frames.lesson = now;
      });
    }
  };
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__longTasks.push(entry.duration); }).observe({ type: "longtask", buffered: false });
})();`;

/** What the page saw of one change, in the page's clock (ms); `epoch` turns it into wall time. */
export interface Seen {
  arrival: number;
  dom: number;
  frame: number;
  epoch: number;
  longTasks: number[];
}

type Watch = Expected | { kind: "phrase"; lessonId: string; before: string };

/**
 * In the page as a string (tsx would wrap named functions of a page.evaluate callback in a
 * helper the page lacks): `__arm(expected)` resets the stamps and starts watching.
 */
export const ARM_WATCH = `window.__arm = (expected) => {
  window.__frames.binary = 0;
  window.__frames.lesson = 0;
  window.__longTasks = [];
  const body = document.getElementById("note-body");
  const shown = () => {
    if (expected.kind === "text") return (body.children[expected.block]?.textContent?.length ?? 0) === expected.length;
    if (expected.kind === "phrase") return (document.querySelector('[data-lesson-ref="' + expected.lessonId + '"] .note-lesson-ref-phrase')?.textContent ?? "") !== expected.before;
    if (document.querySelectorAll("li[data-footnote]").length !== expected.footnotes) return false;
    const numbers = [...body.querySelectorAll("sup.note-citation")].map((sup) => sup.getAttribute("data-citation")).join(",");
    return numbers === expected.citations;
  };
  window.__seen = new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      const dom = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => {
        const frames = window.__frames;
        resolve({ arrival: expected.kind === "phrase" ? frames.lesson : frames.binary, dom, frame: performance.now(), epoch: performance.timeOrigin, longTasks: [...window.__longTasks] });
      });
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error("the page did not show " + JSON.stringify(expected).slice(0, 200) + " within 20 s"));
    }, 20000);
    // Only the editor and the footnote list: the check runs at each batch of their mutations.
    const options = { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["data-citation"] };
    observer.observe(body, options);
    observer.observe(document.querySelector(".note-footnotes"), options);
  });
};`;

/**
 * Arms the watch; `seen()` then resolves once the DOM shows `expected` (or rejects after 20 s).
 * `offset`: the page's wall clock less ours (the two drift apart), measured over this round trip.
 */
export async function armWatch(page: Page, expected: Watch): Promise<{ seen: () => Promise<Seen>; offset: number }> {
  const before = performance.timeOrigin + performance.now();
  const pageNow = await page.evaluate((expected) => {
    (window as unknown as { __arm: (expected: Watch) => void }).__arm(expected);
    return performance.timeOrigin + performance.now();
  }, expected);
  const offset = pageNow - (before + performance.timeOrigin + performance.now()) / 2;
  return { seen: () => page.evaluate(() => (window as unknown as { __seen: Promise<Seen> }).__seen), offset };
}

/** The length of a top-level block's text as the page shows it. */
export function blockLength(page: Page, block: number): Promise<number> {
  return page.evaluate((block) => document.getElementById("note-body")!.children[block]?.textContent?.length ?? -1, block);
}

export function phraseOf(page: Page, lessonId: string): Promise<string> {
  return page.evaluate((lessonId) => document.querySelector(`[data-lesson-ref="${lessonId}"] .note-lesson-ref-phrase`)?.textContent ?? "", lessonId);
}

/** The long tasks (over 50 ms) the page ran since the watch was armed. */
export function longTasksSinceArmed(page: Page): Promise<number[]> {
  return page.evaluate(() => [...(window as unknown as { __longTasks: number[] }).__longTasks]);
}
