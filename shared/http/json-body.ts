import { MalformedRequestError, UnsupportedMediaTypeError } from '../errors/lantern-error';

/**
 * Reads a JSON request body. Malformed JSON is the client's mistake: a 400 naming the
 * problem, not the 415 middy's parser gives. An empty body reads as undefined.
 */
export function readJsonBody(body: string | undefined, isBase64Encoded: boolean, contentType: string | undefined): unknown {
  if (body === undefined || body === '') return undefined;
  if (contentType && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new UnsupportedMediaTypeError('Send the body as JSON with Content-Type: application/json.');
  }
  const text = isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedRequestError('The request body is not valid JSON.', { cause: error });
  }
}
