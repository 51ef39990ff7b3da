import "server-only";
import { AppError } from "@/lib/errors";
import { readBoundedBody } from "@/lib/http";
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
  if (!request.body) throw new AppError("BAD_REQUEST", "invalidForm", "The form is empty.");
  const body = await readBoundedBody(request, MAX_SOURCE_BYTES + FORM_OVERHEAD_BYTES, fileTooLargeError);
  try {
    return await new Response(new Blob([body as BlobPart]), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "invalidForm", "The form could not be read. Try again.");
  }
}
