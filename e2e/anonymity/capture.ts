import type { APIResponse, BrowserContext, Page } from "@playwright/test";

/** One thing a member received: an HTTP response (headers and body), a socket frame, a mail. */
export interface Received {
  kind: "http" | "socket" | "mail" | "page";
  /** Where it came from: the URL, the socket URL, the mail subject. */
  source: string;
  text: string;
}

/**
 * Records everything the browser context receives from the app: every response with its
 * headers and body (HTML, React Server Component payloads, JSON, scripts), and every
 * WebSocket frame (socket.io events, presence).
 */
export function recordContext(context: BrowserContext): Received[] {
  const received: Received[] = [];
  context.on("response", async (response) => {
    const headers = Object.entries(await response.allHeaders())
      .map(([name, value]) => `${name}: ${value}`)
      .join("\n");
    const body = await response.text().catch(() => "");
    received.push({ kind: "http", source: `${response.request().method()} ${response.url()}`, text: `${headers}\n\n${body}` });
  });
  context.on("page", (page) => recordSockets(page, received));
  return received;
}

function recordSockets(page: Page, received: Received[]): void {
  page.on("websocket", (socket) => {
    socket.on("framereceived", (frame) => {
      const text = typeof frame.payload === "string" ? frame.payload : frame.payload.toString("utf8");
      received.push({ kind: "socket", source: socket.url(), text });
    });
  });
}

/**
 * Calls an API route the way a script of the member's would (APIRequestContext responses are
 * not browser responses, so the context listener does not see them) and records the answer.
 */
export async function requestAndRecord(page: Page, url: string, received: Received[]): Promise<APIResponse> {
  const response = await page.request.get(url);
  await recordApiResponse("GET", response, received);
  return response;
}

/** Records an APIRequestContext response (headers and body) as something the member received. */
export async function recordApiResponse(method: string, response: APIResponse, received: Received[]): Promise<void> {
  const headers = Object.entries(response.headers())
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n");
  received.push({ kind: "http", source: `${method} ${response.url()}`, text: `${headers}\n\n${await response.text()}` });
}

/** What the page shows and holds once rendered (text, attributes, storage). */
export async function recordPage(page: Page, received: Received[]): Promise<void> {
  const text = await page.evaluate(() => {
    const storage = [localStorage, sessionStorage].flatMap((store) =>
      Object.keys(store).map((key) => `${key}=${store.getItem(key)}`),
    );
    return `${document.documentElement.outerHTML}\n${document.cookie}\n${storage.join("\n")}`;
  });
  received.push({ kind: "page", source: page.url(), text });
}
