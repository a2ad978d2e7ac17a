/** One line of the manifest (docs/vsed-package.md, "Batch export"). */
export interface ManifestItem {
  id: string;
  number: string | null;
  file: string | null;
  pages: number | null;
  bytes: number | null;
  sha256: string | null;
  /** The ВСЭД package (ZIP) when asked for. */
  package: string | null;
  /** Attachments that could not be included as pages, and why; the PDF is still produced. */
  problems: string[];
  /** Why this appeal has no PDF (the batch goes on). */
  error: string | null;
}

export interface BatchManifest {
  schema: 'arm-appeals/export-manifest@1';
  createdAt: string;
  folder: string;
  total: number;
  exported: number;
  failed: number;
  cancelled: boolean;
  items: ManifestItem[];
}
