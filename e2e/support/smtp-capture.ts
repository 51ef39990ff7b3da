import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server for end-to-end tests: it accepts every mail (no TLS, authentication
 * optional), keeps it in memory, and shows it to tests through a tiny HTTP API:
 *
 *   GET    /messages?to=EMAIL   JSON list, newest first: {id, to, from, subject, text, html, links, receivedAt}
 *   DELETE /messages[?to=EMAIL] forget all messages (or those to one address)
 *   GET    /health              {ok: true}
 *
 * Run standalone: `npx tsx e2e/support/smtp-capture.ts` (ports from SMTP_CAPTURE_PORT, default
 * 2525, and SMTP_CAPTURE_HTTP_PORT, default 2526), or in-process with `startSmtpCapture()`.
 */

export interface CapturedMessage {
  id: number;
  /** The envelope recipient, lower-cased (one entry per recipient). */
  to: string;
  from: string;
  subject: string;
  /** The text/plain part (or, without one, the HTML with tags stripped). */
  text: string;
  html: string;
  /** Every http(s) URL in the message, in order of appearance; the first is usually the one. */
  links: string[];
  receivedAt: string;
  raw: string;
}

export interface SmtpCaptureOptions {
  host?: string;
  smtpPort?: number;
  httpPort?: number;
  /** How many messages to keep (oldest are forgotten first). */
  limit?: number;
  log?: (line: string) => void;
}

export interface SmtpCapture {
  smtpPort: number;
  httpPort: number;
  messages(to?: string): CapturedMessage[];
  clear(to?: string): void;
  close(): Promise<void>;
}

export const DEFAULT_SMTP_CAPTURE_PORT = 2525;
export const DEFAULT_SMTP_CAPTURE_HTTP_PORT = 2526;

// ---------- a deliberately small MIME reader (enough for what nodemailer sends) ----------

interface MimePart {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): MimePart {
  const normalized = raw.replace(/\r\n/g, "\n");
  const end = normalized.indexOf("\n\n");
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? "" : normalized.slice(end + 2);
  const headers = new Map<string, string>();
  let last: string | null = null;
  for (const line of head.split("\n")) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function headerParam(value: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, "i").exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function decodeBytes(bytes: Buffer, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? "utf-8").decode(bytes);
  } catch {
    return bytes.toString("utf8");
  }
}

function quotedPrintableBytes(text: string): Buffer {
  const unfolded = text.replace(/=\n/g, "");
  const chunks: Buffer[] = [];
  let plain = "";
  for (let i = 0; i < unfolded.length; i += 1) {
    const hex = unfolded.slice(i + 1, i + 3);
    if (unfolded[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      chunks.push(Buffer.from(plain, "utf8"), Buffer.from([parseInt(hex, 16)]));
      plain = "";
      i += 2;
    } else {
      plain += unfolded[i];
    }
  }
  chunks.push(Buffer.from(plain, "utf8"));
  return Buffer.concat(chunks);
}

function decodeBody(part: MimePart): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const charset = headerParam(part.headers.get("content-type") ?? "", "charset");
  if (encoding === "quoted-printable") return decodeBytes(quotedPrintableBytes(part.body), charset);
  if (encoding === "base64") return decodeBytes(Buffer.from(part.body.replace(/\s+/g, ""), "base64"), charset);
  return part.body;
}

/** Decodes RFC 2047 encoded words such as `=?UTF-8?Q?Sign_in?=`. */
function decodeHeader(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? decodeBytes(Buffer.from(text, "base64"), charset)
        : decodeBytes(quotedPrintableBytes(text.replace(/_/g, " ")), charset),
    );
}

/** Collects the text/plain and text/html leaves of a (possibly multipart) message. */
function collectTextParts(part: MimePart, into: { text: string[]; html: string[] }, depth = 0): void {
  const contentType = part.headers.get("content-type") ?? "text/plain";
  const type = contentType.split(";")[0].trim().toLowerCase();
  if (type.startsWith("multipart/") && depth < 10) {
    const boundary = headerParam(contentType, "boundary");
    if (!boundary) return;
    const sections = part.body.split(`--${boundary}`);
    // sections[0] is the preamble; the one starting with "--" is the epilogue.
    for (const section of sections.slice(1)) {
      if (section.startsWith("--")) break;
      collectTextParts(splitPart(section.replace(/^\n/, "")), into, depth + 1);
    }
    return;
  }
  const disposition = (part.headers.get("content-disposition") ?? "").toLowerCase();
  if (disposition.startsWith("attachment")) return;
  if (type === "text/plain") into.text.push(decodeBody(part));
  else if (type === "text/html") into.html.push(decodeBody(part));
}

function decodeHtmlEntities(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'");
}

function extractLinks(text: string, html: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/https?:\/\/[^\s<>"'()\[\]]+/g)) found.push(match[0].replace(/[.,;:!?]+$/, ""));
  for (const match of html.matchAll(/href\s*=\s*"(https?:\/\/[^"]+)"/gi)) found.push(decodeHtmlEntities(match[1]));
  return [...new Set(found)];
}

/** Parses a raw message into what tests look at. */
export function parseMessage(raw: string): Pick<CapturedMessage, "subject" | "text" | "html" | "links"> {
  const message = splitPart(raw);
  const parts = { text: [] as string[], html: [] as string[] };
  collectTextParts(message, parts);
  const html = parts.html.join("\n");
  const text = parts.text.length > 0 ? parts.text.join("\n") : decodeHtmlEntities(html.replace(/<[^>]+>/g, " "));
  return {
    subject: decodeHeader(message.headers.get("subject") ?? ""),
    text,
    html,
    links: extractLinks(text, html),
  };
}

// ---------- servers ----------

function listen(server: { listen(port: number, host: string, callback: () => void): unknown; once(event: "error", listener: (error: Error) => void): unknown }, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

/** Starts the SMTP server and its HTTP API. Port 0 picks a free port (see the returned ports). */
export async function startSmtpCapture(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  const host = options.host ?? "127.0.0.1";
  const limit = options.limit ?? 1000;
  const log = options.log ?? (() => {});
  let stored: CapturedMessage[] = [];
  let nextId = 1;

  const messages = (to?: string) => {
    const wanted = to?.trim().toLowerCase();
    return stored.filter((message) => !wanted || message.to === wanted).reverse();
  };
  const clear = (to?: string) => {
    const wanted = to?.trim().toLowerCase();
    stored = wanted ? stored.filter((message) => message.to !== wanted) : [];
  };

  const smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    hideSTARTTLS: true,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anyone" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const parsed = parseMessage(raw);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        for (const recipient of session.envelope.rcptTo) {
          const message: CapturedMessage = {
            id: nextId++,
            to: recipient.address.toLowerCase(),
            from,
            ...parsed,
            receivedAt: new Date().toISOString(),
            raw,
          };
          stored.push(message);
          log(`[smtp-capture] mail to ${message.to}: ${message.subject}`);
        }
        if (stored.length > limit) stored = stored.slice(stored.length - limit);
        callback();
      });
    },
  });

  const api = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/health" && request.method === "GET") return sendJson(response, 200, { ok: true });
    if (url.pathname !== "/messages") return sendJson(response, 404, { error: "not found" });
    const to = url.searchParams.get("to") ?? undefined;
    if (request.method === "GET") return sendJson(response, 200, messages(to));
    if (request.method === "DELETE") {
      clear(to);
      return sendJson(response, 200, { ok: true });
    }
    return sendJson(response, 405, { error: "method not allowed" });
  });

  await listen(smtp.server, options.smtpPort ?? DEFAULT_SMTP_CAPTURE_PORT, host);
  try {
    await listen(api, options.httpPort ?? DEFAULT_SMTP_CAPTURE_HTTP_PORT, host);
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  const portOf = (server: { address(): unknown }) => (server.address() as { port: number }).port;

  return {
    smtpPort: portOf(smtp.server),
    httpPort: portOf(api),
    messages,
    clear,
    close: async () => {
      api.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => api.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}

/** Ports from SMTP_CAPTURE_PORT and SMTP_CAPTURE_HTTP_PORT (defaults 2525 and 2526). */
export function smtpCapturePortsFromEnv(env: NodeJS.ProcessEnv = process.env): { smtpPort: number; httpPort: number } {
  return {
    smtpPort: Number(env.SMTP_CAPTURE_PORT || DEFAULT_SMTP_CAPTURE_PORT),
    httpPort: Number(env.SMTP_CAPTURE_HTTP_PORT || DEFAULT_SMTP_CAPTURE_HTTP_PORT),
  };
}

async function main(): Promise<void> {
  const capture = await startSmtpCapture({ ...smtpCapturePortsFromEnv(), log: (line) => console.log(line) });
  console.log(`[smtp-capture] SMTP on 127.0.0.1:${capture.smtpPort}, API on http://127.0.0.1:${capture.httpPort}/messages`);
  const stop = () => {
    void capture.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isEntryPoint) {
  main().catch((error: unknown) => {
    console.error("[smtp-capture] could not start:", error);
    process.exit(1);
  });
}
