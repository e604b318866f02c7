import { describe, expect, it } from 'vitest';
import { PHP_EMPTY_OBJECT, encodePhpJson } from './php-json';

describe('encodePhpJson', () => {
  it('writes what PHP json_encode with the portal flags writes', () => {
    expect(encodePhpJson({ a: '</b> & \'x\' "y" /', u: 'Задача' })).toBe(
      '{"a":"\\u003C\\/b\\u003E \\u0026 \\u0027x\\u0027 \\u0022y\\u0022 \\/","u":"Задача"}',
    );
  });

  it('writes arrays keyed 0..n-1 as lists and empty objects as []', () => {
    expect(encodePhpJson({ '0': 'a', '1': 'b' })).toBe('["a","b"]');
    expect(encodePhpJson({ '0': 'a', '2': 'c' })).toBe('{"0":"a","2":"c"}');
    expect(encodePhpJson({ result: {}, list: [] })).toBe('{"result":[],"list":[]}');
  });

  it('writes an object without properties (a PHP DateTime) as {}', () => {
    expect(encodePhpJson({ TIMESTAMP_X: PHP_EMPTY_OBJECT, empty: {} })).toBe('{"TIMESTAMP_X":{},"empty":[]}');
  });

  it('keeps numbers, booleans and nulls', () => {
    expect(encodePhpJson({ id: 29, price: 85.5, ok: true, none: null, skipped: undefined })).toBe(
      '{"id":29,"price":85.5,"ok":true,"none":null}',
    );
  });
});
