import { NextResponse } from "next/server";
import { requireWriteRequest } from "@/lib/auth/session";
import { withErrors } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { createSource, type CreateSourceContent } from "@/lib/sources/create-source";
import { readUploadForm } from "@/lib/sources/read-upload-form";
import { fileTooLargeError, MAX_SOURCE_BYTES, type ImportFormat } from "@/lib/sources/import/import-errors";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
};

/** The file or pasted text of the form; a file's size is checked before its bytes are read. */
async function contentOf(form: FormData): Promise<CreateSourceContent> {
  const file = form.get("file");
  const format = field(form, "format") as ImportFormat | undefined;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_SOURCE_BYTES) throw fileTooLargeError(file.size);
    return { kind: "file", bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, mimeType: file.type, format: format || undefined };
  }
  const text = field(form, "text");
  if (text === undefined) throw new AppError("BAD_REQUEST", "importEmpty", "Paste the text or choose a file.");
  return { kind: "text", format: format ?? "TEXT", text };
}

/**
 * Adds a source: multipart/form-data with `file` or `text` + `format`, and the citation fields.
 * `titleProposed=true` says the title is the form's proposal, which the import's may replace.
 */
export const POST = withErrors(async (request: Request, { params }: Context) => {
  const viewer = await requireWriteRequest(request);
  const { workshopId } = await params;
  const form = await readUploadForm(request);
  const citation = {
    title: field(form, "title") ?? "",
    authors: field(form, "authors") ?? "",
    publisher: field(form, "publisher"),
    publishedOn: field(form, "publishedOn"),
    url: field(form, "url"),
    shortCitation: field(form, "shortCitation"),
  };
  const isTitleProposed = field(form, "titleProposed") === "true";
  const source = await createSource({ viewer, workshopId, citation, content: await contentOf(form), isTitleProposed });
  return NextResponse.json({ source }, { status: 201 });
});
