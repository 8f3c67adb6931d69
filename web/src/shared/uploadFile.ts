import { ApiError } from '../api.ts';
import { getSession } from '../auth/accessApi.ts';

type ErrorBody = { error?: { code: string; message: string; correlationId?: string; details?: { field?: string; reason: string }[] } };

/**
 * POSTs a file as the raw body with upload progress (`onProgress` gets the share sent, 0..1),
 * which fetch cannot report; resolves with the JSON answer when the status is `expected`.
 * Not a JSON call, so it sends the session's CSRF token itself.
 */
export async function uploadFile<T>(url: string, file: File, expected: number, onProgress: (share: number) => void): Promise<T> {
  const { csrfToken } = await getSession();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', 'The upload did not reach the server', undefined, undefined));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        body = undefined;
      }
      if (xhr.status === expected) return resolve(body as T);
      const error = (body as ErrorBody | undefined)?.error;
      reject(new ApiError(error?.code ?? 'BAD_RESPONSE', error?.message ?? `The upload answered ${xhr.status}`, xhr.status, error?.correlationId, error?.details ?? []));
    };
    xhr.send(file);
  });
}
