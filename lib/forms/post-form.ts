/**
 * Posts a form from the browser with XMLHttpRequest, which (unlike fetch) reports how much of a
 * large upload has been sent. Answers the HTTP status and the JSON body (null when the answer is
 * not JSON); rejects only when the request could not be made.
 */
export function postForm<T>(
  url: string,
  body: FormData,
  onProgress?: (percent: number) => void,
): Promise<{ status: number; body: T | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) =>
      e.lengthComputable && onProgress?.(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => resolve({ status: xhr.status, body: (xhr.response as T | null) ?? null });
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(body);
  });
}
