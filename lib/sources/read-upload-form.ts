import "server-only";
import { AppError } from "@/lib/errors";
import { fileTooLargeError, MAX_SOURCE_BYTES } from "./import/import-errors";

/** Room for the citation fields and multipart boundaries around a file at the limit. */
const FORM_OVERHEAD_BYTES = 256 * 1024;

/**
 * Reads a multipart/form-data upload of at most {@link MAX_SOURCE_BYTES} (plus the form's
 * fields). A declared Content-Length over the limit is refused before anything is read; a body
 * without one is counted as it streams in and refused as soon as it passes the limit.
 */
export async function readUploadForm(request: Request): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    throw new AppError("BAD_REQUEST", "invalidForm", "Send the source as multipart/form-data.");
  }
  const maxBytes = MAX_SOURCE_BYTES + FORM_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw fileTooLargeError(declared);
  if (!request.body) throw new AppError("BAD_REQUEST", "invalidForm", "The form is empty.");

  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    received += next.value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw fileTooLargeError(received);
    }
    chunks.push(next.value);
  }
  try {
    return await new Response(new Blob(chunks as BlobPart[]), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "invalidForm", "The form could not be read. Try again.");
  }
}
