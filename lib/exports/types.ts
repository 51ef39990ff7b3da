/** A file an export produces: what a route sends as a download and what the archive bundle packs. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array<ArrayBuffer>;
}
