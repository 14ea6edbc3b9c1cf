import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../src/io/json-text';
import {
  REMOTE_FETCH_TIMEOUT_MS,
  fetchCatalogText,
  readUrlFileName,
  remoteCatalogKeys,
  remoteCatalogQueryOptions,
} from '../../../src/queries/remote-catalog-queries';

const URL_CSV = 'https://example.com/data/prices%20v2.csv?token=1';

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubFetch(implementation: (url: string, init?: RequestInit) => Promise<Response>) {
  const fetchMock = vi.fn(implementation);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('fetchCatalogText', () => {
  it('returns the text, the address and its file name', async () => {
    const fetchMock = stubFetch(
      async () => new Response('id,platform\na,x\n', { headers: { 'content-type': 'text/csv' } }),
    );
    await expect(fetchCatalogText(`  ${URL_CSV} `)).resolves.toEqual({
      url: URL_CSV,
      fileName: 'prices v2.csv',
      text: 'id,platform\na,x\n',
    });
    expect(fetchMock.mock.calls[0]?.[1]?.credentials).toBe('omit');
  });

  it('refuses what is not an http or https address, without fetching', async () => {
    const fetchMock = stubFetch(async () => new Response(''));
    await expect(fetchCatalogText('prices.json')).rejects.toThrow(/not a web address/);
    await expect(fetchCatalogText('file:///etc/passwd')).rejects.toThrow(/Only http and https/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('explains a network or CORS failure', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fetchCatalogText('https://example.com/x.json')).rejects.toMatchObject({
      kind: 'network',
      message: expect.stringMatching(
        /^example\.com could not be reached, or does not let other sites read its files \(CORS\)/,
      ),
    });
  });

  it('names a redirect loop the browser reports as a plain network failure, by asking again without following redirects', async () => {
    const fetchMock = stubFetch(async (_url, init) => {
      if (init?.redirect !== 'manual') throw new TypeError('Failed to fetch');
      // What a browser answers a redirect with when told not to follow it.
      return { type: 'opaqueredirect', status: 0, body: null } as unknown as Response;
    });
    await expect(fetchCatalogText('https://example.com/loop.json')).rejects.toMatchObject({
      kind: 'redirect-loop',
      message: expect.stringMatching(
        /^example\.com redirects this address, and the redirect could not be followed: it goes round in a loop/,
      ),
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock.mock.calls[1]?.[1]).toMatchObject({ redirect: 'manual', credentials: 'omit' });
  });

  it('keeps the network or CORS message when the address does not redirect', async () => {
    stubFetch(async (_url, init) => {
      if (init?.redirect !== 'manual') throw new TypeError('Failed to fetch');
      return new Response('{}', { status: 200 });
    });
    await expect(fetchCatalogText('https://example.com/x.json')).rejects.toMatchObject({ kind: 'network' });
  });

  it('names a redirect loop when the browser says so', async () => {
    stubFetch(async () => {
      throw new TypeError('fetch failed', { cause: new Error('redirect count exceeded') });
    });
    await expect(fetchCatalogText('https://example.com/x.json')).rejects.toMatchObject({
      kind: 'redirect-loop',
      message: expect.stringMatching(/^example\.com sent the request round a loop of redirects/),
    });
  });

  it('gives up after 30 seconds without an answer, saying so', async () => {
    vi.useFakeTimers();
    try {
      stubFetch(
        (_url, init) =>
          new Promise((_resolve, reject) => {
            init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      );
      const pending = fetchCatalogText('https://example.com/x.json');
      const outcome = expect(pending).rejects.toMatchObject({
        kind: 'timeout',
        message: expect.stringMatching(/^example\.com did not send the file within 30 seconds/),
      });
      await vi.advanceTimersByTimeAsync(REMOTE_FETCH_TIMEOUT_MS);
      await outcome;
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts the timeout to the last byte: a body that stalls is stopped too', async () => {
    vi.useFakeTimers();
    try {
      stubFetch(async (_url, init) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('id,platform\n'));
            init?.signal?.addEventListener('abort', () =>
              controller.error(new DOMException('aborted', 'AbortError')),
            );
          },
        });
        return new Response(body, { headers: { 'content-type': 'text/csv' } });
      });
      const pending = fetchCatalogText('https://example.com/x.csv');
      const outcome = expect(pending).rejects.toMatchObject({ kind: 'timeout' });
      await vi.advanceTimersByTimeAsync(REMOTE_FETCH_TIMEOUT_MS);
      await outcome;
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports an HTTP error with its status', async () => {
    stubFetch(async () => new Response('nope', { status: 404, statusText: 'Not Found' }));
    await expect(fetchCatalogText('https://example.com/x.json')).rejects.toThrow(
      'example.com answered HTTP 404 Not Found: no file at this address',
    );
  });

  it('refuses a binary content type and a body that is not UTF-8 text', async () => {
    stubFetch(async () => new Response(new Uint8Array([1, 2]), { headers: { 'content-type': 'image/png' } }));
    await expect(fetchCatalogText('https://example.com/x.png')).rejects.toMatchObject({ kind: 'not-text' });
    stubFetch(async () => new Response(new Uint8Array([0xff, 0xfe, 0x00, 0x41])));
    await expect(fetchCatalogText('https://example.com/x')).rejects.toThrow(/not text/);
  });

  it('refuses a body announced as over 20 MB before reading it', async () => {
    stubFetch(
      async () => new Response('{}', { headers: { 'content-length': String(MAX_IMPORT_BYTES + 1) } }),
    );
    await expect(fetchCatalogText('https://example.com/big.json')).rejects.toMatchObject({
      kind: 'too-large',
    });
  });

  it('stops reading a streamed body as soon as it passes 20 MB and cancels the download', async () => {
    const chunk = new Uint8Array(4 * 1024 * 1024).fill(0x20);
    let pulled = 0;
    let cancelled = false;
    let signal: AbortSignal | undefined;
    stubFetch(async (_url, init) => {
      signal = init?.signal ?? undefined;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled++;
          controller.enqueue(chunk);
        },
        cancel() {
          cancelled = true;
        },
      });
      return new Response(body);
    });
    await expect(fetchCatalogText('https://example.com/endless.json')).rejects.toThrow(/larger than 20 MB/);
    // 20 MB is five 4 MB chunks; the sixth passes the cap.
    expect(pulled).toBeLessThanOrEqual(7);
    expect(cancelled).toBe(true);
    expect(signal?.aborted).toBe(true);
  });

  it('passes an abort on to the request', async () => {
    stubFetch(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const controller = new AbortController();
    const pending = fetchCatalogText('https://example.com/x.json', controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('remoteCatalogQueryOptions', () => {
  it('is keyed by address and import day, and never retried', () => {
    const options = remoteCatalogQueryOptions('https://example.com/a.json', '2027-01-01');
    expect(options.queryKey).toEqual(remoteCatalogKeys.read('https://example.com/a.json', '2027-01-01'));
    expect(options.retry).toBe(false);
  });
});

describe('readUrlFileName', () => {
  it('is empty for a path ending with a slash and keeps undecodable names as written', () => {
    expect(readUrlFileName(new URL('https://example.com/'))).toBe('');
    expect(readUrlFileName(new URL('https://example.com/a%E0.csv'))).toBe('a%E0.csv');
  });
});
