"use client";

/** What the server said about a refused request: its message and, for a bad field, which one. */
export interface UploadFailure {
  message: string | null;
  field?: string;
  status: number;
}

export interface UploadCallbacks {
  /** Fraction of the request body sent (0–1). */
  onUploadProgress: (fraction: number) => void;
  /** The body is sent: the server is extracting the text now. */
  onUploaded: () => void;
}

/**
 * Posts the new-source form with XMLHttpRequest rather than fetch, because only XHR reports
 * upload progress. Resolves with the created source's id; rejects with an {@link UploadFailure}.
 */
export function uploadSource(workshopId: string, form: FormData, callbacks: UploadCallbacks): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/workshops/${encodeURIComponent(workshopId)}/sources`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) callbacks.onUploadProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => callbacks.onUploaded();
    xhr.onload = () => {
      const payload = xhr.response as { source?: { id: string }; error?: { message?: string; field?: string } } | null;
      if (xhr.status === 201 && payload?.source) return resolve(payload.source);
      reject({ message: payload?.error?.message ?? null, field: payload?.error?.field, status: xhr.status } satisfies UploadFailure);
    };
    xhr.onerror = () => reject({ message: null, status: 0 } satisfies UploadFailure);
    xhr.send(form);
  });
}
