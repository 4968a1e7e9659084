import { describe, expect, it } from 'vitest';
import { readJsonBody } from '../../../shared/http/json-body';
import { MalformedRequestError, UnsupportedMediaTypeError } from '../../../shared/errors/lantern-error';

function thrownBy(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('readJsonBody', () => {
  it.each([
    ['no body', undefined],
    ['an empty body', ''],
  ])('reads %s as undefined', (_, body) => {
    // Prepare
    const contentType = 'application/json';

    // Act
    const parsed = readJsonBody(body, false, contentType);

    // Assess
    expect(parsed).toBeUndefined();
  });

  it('parses a JSON body', () => {
    // Prepare
    const body = '{"studentId":"01JH0000000000000000000001","categories":[{"categoryId":"behaviour"}]}';

    // Act
    const parsed = readJsonBody(body, false, 'application/json');

    // Assess
    expect(parsed).toEqual({ studentId: '01JH0000000000000000000001', categories: [{ categoryId: 'behaviour' }] });
  });

  it('decodes a base64 body first', () => {
    // Prepare
    const body = Buffer.from('{"description":"Élodie was upset at lunch"}', 'utf8').toString('base64');

    // Act
    const parsed = readJsonBody(body, true, 'application/json');

    // Assess
    expect(parsed).toEqual({ description: 'Élodie was upset at lunch' });
  });

  it.each(['application/json; charset=utf-8', 'application/merge-patch+json', 'Application/JSON'])('accepts %s', (contentType) => {
    // Prepare
    const body = '{"status":"closed"}';

    // Act
    const parsed = readJsonBody(body, false, contentType);

    // Assess
    expect(parsed).toEqual({ status: 'closed' });
  });

  it('answers malformed JSON with a 400 malformed_request', () => {
    // Prepare
    const body = '{"description": "unterminated';

    // Act
    const error = thrownBy(() => readJsonBody(body, false, 'application/json'));

    // Assess
    expect(error).toBeInstanceOf(MalformedRequestError);
    expect(error).toMatchObject({ code: 'malformed_request' });
  });

  it('answers malformed base64-encoded JSON with a 400 too', () => {
    // Prepare
    const body = Buffer.from('not json at all').toString('base64');

    // Act
    const error = thrownBy(() => readJsonBody(body, true, 'application/json'));

    // Assess
    expect(error).toBeInstanceOf(MalformedRequestError);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp'])(
    'answers a %s body with 415',
    (contentType) => {
      // Prepare
      const body = '{"status":"closed"}';

      // Act
      const error = thrownBy(() => readJsonBody(body, false, contentType));

      // Assess
      expect(error).toBeInstanceOf(UnsupportedMediaTypeError);
      expect(error).toMatchObject({ code: 'unsupported_media_type' });
    },
  );
});
