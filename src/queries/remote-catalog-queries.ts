/**
 * Query options for a catalog file fetched from a URL the user gives (LiteLLM's price file on GitHub, a
 * team's CSV): the text read as a stream and given up past 20 MB, then parsed and validated in the file-import
 * worker (`readCatalog`), so a large file never blocks the page.
 */
import { queryOptions } from '@tanstack/react-query';
import type { CatalogRead } from '../io/file-import';
import { MAX_IMPORT_BYTES, concatBytes } from '../io/json-text';
import { readCatalog } from '../workers/file-import-client';

export const remoteCatalogKeys = {
  all: ['remote-catalog'] as const,
  read: (url: string, importedAt: string) => [...remoteCatalogKeys.all, 'read', url, importedAt] as const,
};

/** What went wrong fetching a catalog, for people: each kind has its own advice. Messages are sentences without the closing full stop. */
export type RemoteCatalogErrorKind =
  'invalid-url' | 'network' | 'redirect-loop' | 'timeout' | 'http' | 'too-large' | 'not-text';

/** How long a catalog download may take, from the request to the last byte, before it is given up. */
export const REMOTE_FETCH_TIMEOUT_MS = 30_000;

export class RemoteCatalogError extends Error {
  readonly kind: RemoteCatalogErrorKind;
  constructor(kind: RemoteCatalogErrorKind, message: string) {
    super(message);
    this.name = 'RemoteCatalogError';
    this.kind = kind;
  }
}

export type RemoteCatalogText = {
  /** The address as fetched (after trimming). */
  url: string;
  /** The last part of the address's path (`model_prices_and_context_window.json`), to tell CSV from JSON. */
  fileName: string;
  text: string;
};

const MAX_MEGABYTES = MAX_IMPORT_BYTES / (1024 * 1024);

/**
 * Types that are never a catalog. Anything else (text, JSON, CSV, a generic binary label, Excel's label for CSV)
 * is read, then checked to be text.
 */
const NON_TEXT_TYPES =
  /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|wasm)$/i;

/** Checks and normalises a typed address: http or https only. */
export function parseCatalogUrl(input: string): URL {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new RemoteCatalogError(
      'invalid-url',
      `“${trimmed}” is not a web address: enter one starting with https://`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RemoteCatalogError(
      'invalid-url',
      `Only http and https addresses can be fetched, not ${url.protocol}`,
    );
  return url;
}

/** The file name at the end of a URL's path, decoded; empty when the path ends with a slash. */
export function readUrlFileName(url: URL): string {
  const last = url.pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Whether a failed fetch says it gave up on redirects (Node and Firefox say so in the error or its cause;
 * Chromium reports a redirect loop as a plain network failure: `probeRedirect` tells that one apart).
 */
function isRedirectFailure(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  const text = `${error instanceof Error ? error.message : ''} ${cause instanceof Error ? cause.message : ''}`;
  return /redirect/i.test(text);
}

/**
 * Whether the address answers with a redirect: the request made again without following redirects
 * (`redirect: 'manual'`), which a browser answers with an `opaqueredirect` response when it redirects. False when
 * that request fails too (the server cannot be reached, or refuses this page).
 */
async function probeRedirect(url: URL, signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(url.href, { signal, credentials: 'omit', redirect: 'manual' });
    await response.body?.cancel().catch(() => undefined);
    return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
  } catch {
    return false;
  }
}

/**
 * The failure of a fetch that threw, in words: a redirect loop (where the error says so), an address that
 * redirects where the browser cannot follow (a loop, or a server that refuses other sites), or a network or
 * CORS refusal.
 */
async function describeFetchFailure(
  error: unknown,
  url: URL,
  signal: AbortSignal,
): Promise<RemoteCatalogError> {
  const advice = 'check the address, or download the file and import it from your computer';
  if (isRedirectFailure(error))
    return new RemoteCatalogError(
      'redirect-loop',
      `${url.host} sent the request round a loop of redirects (or too many of them), so the file cannot be reached: ${advice}`,
    );
  if (await probeRedirect(url, signal))
    return new RemoteCatalogError(
      'redirect-loop',
      `${url.host} redirects this address, and the redirect could not be followed: it goes round in a loop, or to a server that does not let other sites read its files (CORS); ${advice}`,
    );
  return new RemoteCatalogError(
    'network',
    `${url.host} could not be reached, or does not let other sites read its files (CORS). ` +
      'Check the address and your connection, or download the file and import it from your computer',
  );
}

function tooLarge(what: string): RemoteCatalogError {
  return new RemoteCatalogError(
    'too-large',
    `${what} is larger than ${MAX_MEGABYTES} MB, the most this planner reads: download the part you need and import it as a file`,
  );
}

/** Reads a body chunk by chunk, cancelling the download as soon as it passes `MAX_IMPORT_BYTES`. */
async function readCappedBody(response: Response, abort: () => void): Promise<Uint8Array> {
  if (response.body === null) {
    const buffer = new Uint8Array(await response.arrayBuffer());
    if (buffer.byteLength > MAX_IMPORT_BYTES) throw tooLarge('The file');
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_IMPORT_BYTES) {
      await reader.cancel().catch(() => undefined);
      abort();
      throw tooLarge('The file');
    }
    chunks.push(value);
  }
  return concatBytes(chunks, total);
}

/** UTF-8 text, or an error when the bytes are not text (invalid UTF-8, or NUL bytes as binaries have). */
function decodeText(bytes: Uint8Array, contentType: string): string {
  const notText = new RemoteCatalogError(
    'not-text',
    `The address returned ${contentType ? `“${contentType}”` : 'a file'} that is not text: a catalog is JSON or CSV`,
  );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notText;
  }
  if (text.includes('\u0000')) throw notText;
  return text;
}

/**
 * Fetches a catalog's text from `input` (http or https). Refuses, with a message a person can act on: an address
 * that is not one; a network failure or a server that does not let this page read it (browsers report both the
 * same way, CORS included); an address that redirects where the browser cannot follow (a loop; told apart by
 * asking again without following redirects); an HTTP error status; a body over 20 MB (announced by `Content-Length` or found while
 * streaming, when the download is cancelled); a body that is not UTF-8 text; a redirect loop, where the browser
 * says so; a download not finished within `timeoutMs` (30 seconds), which is cancelled. `signal` cancels the
 * request.
 */
export async function fetchCatalogText(
  input: string,
  signal?: AbortSignal,
  timeoutMs = REMOTE_FETCH_TIMEOUT_MS,
): Promise<RemoteCatalogText> {
  const url = parseCatalogUrl(input);
  const controller = new AbortController();
  const forwardAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) forwardAbort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    return await downloadCatalogText(url, controller);
  } catch (error) {
    if (timedOut && !signal?.aborted)
      throw new RemoteCatalogError(
        'timeout',
        `${url.host} did not send the file within ${timeoutMs / 1000} seconds, so the download was stopped: try again later, or download the file and import it from your computer`,
      );
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

/** The request, its checks and the capped download of `fetchCatalogText`, cancelled through `controller`. */
async function downloadCatalogText(url: URL, controller: AbortController): Promise<RemoteCatalogText> {
  let response: Response;
  try {
    response = await fetch(url.href, { signal: controller.signal, credentials: 'omit' });
  } catch (error) {
    if (isAbort(error) || controller.signal.aborted) throw error;
    const failure = await describeFetchFailure(error, url, controller.signal);
    if (controller.signal.aborted) throw error;
    throw failure;
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const advice =
      response.status === 404
        ? ': no file at this address'
        : response.status === 401 || response.status === 403
          ? ': the file is not public'
          : '';
    throw new RemoteCatalogError('http', `${url.host} answered HTTP ${status}${advice}`);
  }
  const contentType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  if (NON_TEXT_TYPES.test(contentType)) {
    await response.body?.cancel().catch(() => undefined);
    throw new RemoteCatalogError(
      'not-text',
      `The address returned “${contentType}”, not text: a catalog is JSON or CSV`,
    );
  }
  const declaredBytes = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declaredBytes) && declaredBytes > MAX_IMPORT_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(`The file (${(declaredBytes / (1024 * 1024)).toFixed(1)} MB)`);
  }
  const bytes = await readCappedBody(response, () => controller.abort());
  return { url: url.href, fileName: readUrlFileName(url), text: decodeText(bytes, contentType) };
}

/** A fetched catalog: where it came from, and what reading it gave (the models, or the problems). */
export type RemoteCatalogRead = { url: string; fileName: string; result: CatalogRead };

/**
 * The catalog at `url`, fetched and read (models without a source are dated `importedAt`), cached by address.
 * Not retried: a wrong address or a CORS refusal will not mend itself, and the person is waiting for the
 * message. Kept fresh for five minutes, so importing the same address twice does not download it twice.
 */
export function remoteCatalogQueryOptions(url: string, importedAt: string) {
  return queryOptions({
    queryKey: remoteCatalogKeys.read(url, importedAt),
    queryFn: async ({ signal }): Promise<RemoteCatalogRead> => {
      const fetched = await fetchCatalogText(url, signal);
      const named = fetched.fileName ? { fileName: fetched.fileName } : {};
      const options = { ...named, importedAt, origin: fetched.url };
      return {
        url: fetched.url,
        fileName: fetched.fileName,
        result: await readCatalog(fetched.text, options, signal),
      };
    },
    retry: false,
    staleTime: 5 * 60 * 1000,
    gcTime: 5 * 60 * 1000,
  });
}
