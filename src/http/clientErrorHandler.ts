import type { Duplex } from 'node:stream';
import { errorBody } from './jsonErrors';

/** The raw HTTP answer to a request that Node's parser refused or that was not received in time. */
export function clientErrorAnswer(code: string | undefined): string {
  const [status, body] =
    code === 'HPE_HEADER_OVERFLOW'
      ? ['431 Request Header Fields Too Large', errorBody('The request line or headers are larger than 16 KB; send the query in a POST body.', 'HEADERS_TOO_LARGE')]
      : code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['408 Request Timeout', errorBody('The request was not received in time (HTTP_HEADERS_TIMEOUT_MS for the headers, HTTP_REQUEST_TIMEOUT_MS for the whole request).', 'REQUEST_TIMEOUT')]
        : ['400 Bad Request', errorBody('The HTTP request could not be read.', 'BAD_REQUEST')];
  const text = JSON.stringify(body);
  return `HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`;
}

/**
 * The server's `clientError` listener: answers with a JSON error (431 headers too large, 408 not
 * received in time, 400 anything else) and then destroys the socket, so that its descriptor is
 * freed even when the client neither reads nor closes (`end()` alone leaves a half-open socket).
 * `flushMs` bounds how long the answer may take to leave.
 */
export function clientErrorHandler(flushMs = 1000): (err: NodeJS.ErrnoException, socket: Duplex) => void {
  return (err, socket) => {
    // An answer already under way on this socket (Node's own `_httpMessage`) cannot be replaced.
    const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (err.code === 'ECONNRESET' || !socket.writable || started) {
      socket.destroy();
      return;
    }
    const fallback = setTimeout(() => socket.destroy(), flushMs);
    fallback.unref();
    socket.end(clientErrorAnswer(err.code), () => {
      clearTimeout(fallback);
      socket.destroy();
    });
  };
}
