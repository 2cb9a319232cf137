import { Lexer, Source, TokenKind } from 'graphql';
import type { LimitsConfig } from '../config';
import { LimitError } from '../errors';

/** Lexical tokens of a GraphQL document (stops counting at a syntax error, which the parser reports). */
export function countTokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let n = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) n++;
  } catch {
    // a syntax error: the parser will name it
  }
  return n;
}

/** Refuses a document larger than QUERY_MAX_BYTES or with more tokens than QUERY_MAX_TOKENS, before it is parsed. */
export function checkSource(text: string, limits: Pick<LimitsConfig, 'maxDocumentBytes' | 'maxTokens'>): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxDocumentBytes) {
    throw new LimitError('DOCUMENT_TOO_LARGE', `The query document has ${bytes} bytes; the limit is ${limits.maxDocumentBytes}. Send a smaller query.`, limits.maxDocumentBytes, bytes);
  }
  const tokens = countTokens(text);
  if (tokens > limits.maxTokens) {
    throw new LimitError('TOKEN_LIMIT_EXCEEDED', `The query document has ${tokens} tokens; the limit is ${limits.maxTokens}. Send a smaller query.`, limits.maxTokens, tokens);
  }
}
