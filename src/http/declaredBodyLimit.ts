import type { RequestHandler } from 'express';
import { errorBody } from './jsonErrors';

/**
 * Refuses a request whose declared `content-length` is above `maxBytes` with 413
 * `PAYLOAD_TOO_LARGE` at once, without reading the body, and closes the connection after the answer
 * (`connection: close`). Mounted before the JSON body parser, which would read and discard the whole
 * declared body first (and wait for it as long as the client cares to send it).
 */
export function declaredBodyLimit(maxBytes: number): RequestHandler {
  return (req, res, next) => {
    const declared = req.headers['content-length'];
    // Node's parser has already refused a content-length that is not a number.
    const found = declared === undefined ? 0 : Number(declared);
    if (!(found > maxBytes)) {
      next();
      return;
    }
    res
      .status(413)
      .set('connection', 'close')
      .json(errorBody(`The request body has ${found} bytes; the limit is ${maxBytes} (BODY_MAX_BYTES).`, 'PAYLOAD_TOO_LARGE', { limit: maxBytes, found }));
  };
}
