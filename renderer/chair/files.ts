/**
 * Files in and out of the console, for every area (setup imports and exports, results exports
 * and re-tally, PDFs): a picked file as base64 for the core, a base64 answer as a download.
 */

/** A file the core sends back: its name, type and bytes as base64. */
export interface Base64File {
  readonly fileName: string;
  readonly base64: string;
  readonly mimeType: string;
}

/** Reads a picked file as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Offers an exported file as a download under its own name. */
export function download(file: Base64File): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
