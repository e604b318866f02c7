/**
 * app.option.* / user.option.* as ../shared/reference/bitrix-rest.md §4.5 and docs
 * common/settings/*.md describe them — administrators set, everyone reads, keys merge one by one,
 * one key or all, `[]` when empty — plus the size limit the emulator enforces (option-limits.ts:
 * all options of an app together, PHP-serialised, 65,535 bytes; the docs document none).
 */
import { describe, expect, it } from 'vitest';
import { OPTIONS_MAX_SERIALIZED_BYTES, phpSerializedLength } from '../option-limits';
import { call, callFailure, contractPortalForThisFile } from './contract-harness';

const context = contractPortalForThisFile();

describe('app.option.set / get', () => {
  it('merges keys one by one and keeps a JSON string exactly as written', async () => {
    const admin = context.app(1);
    const playbook = JSON.stringify({
      schema: 1,
      stages: { 'DT177_7:CLIENT': [{ key: 'approve', title: 'Ä "quoted" [B]x[/B]' }] },
    });
    await call(admin, 'app.option.set', { options: { playbook_177: playbook } });
    await call(admin, 'app.option.set', { options: { playbook_156: '{"schema":1}' } });
    expect((await call(context.app(4), 'app.option.get')).result).toEqual({
      playbook_177: playbook,
      playbook_156: '{"schema":1}',
    });
    await call(admin, 'app.option.set', { options: { playbook_156: '{"schema":2}' } });
    expect((await call(context.app(4), 'app.option.get', { option: 'playbook_156' })).result).toBe('{"schema":2}');
    expect((await call(context.app(4), 'app.option.get', { option: 'playbook_177' })).result).toBe(playbook);
    expect((await call(context.app(4), 'app.option.get', { option: 'playbook_183' })).result).toBeNull();
    // In a batch, as the app reads a playbook.
    const batch = await context.app(3).actions.v2.batch.make({
      calls: { one: { method: 'app.option.get', params: { option: 'playbook_177' } } },
      options: { isHaltOnError: true },
    });
    expect((batch.getData() as { one: unknown }).one).toBe(playbook);
  });

  it('refuses a write that takes all options past 65,535 bytes and keeps what was stored', async () => {
    const admin = context.app(1);
    const before = (await call<Record<string, unknown>>(admin, 'app.option.get')).result;
    const room = OPTIONS_MAX_SERIALIZED_BYTES - phpSerializedLength(before);
    const failure = await callFailure(admin, 'app.option.set', { options: { playbook_183: 'x'.repeat(room) } });
    expect(failure).toMatchObject({ code: 'ERROR_ARGUMENT', status: 400 });
    expect(failure.message).toMatch(/^Options are too large: \d+ bytes when stored, 65535 at most/);
    expect((await call(admin, 'app.option.get')).result).toEqual(before);
    // Exactly at the limit is fine: the new key and value take their own bytes too.
    let fits = room;
    while (phpSerializedLength({ ...before, playbook_183: 'y'.repeat(fits) }) > OPTIONS_MAX_SERIALIZED_BYTES) fits -= 1;
    await call(admin, 'app.option.set', { options: { playbook_183: 'y'.repeat(fits) } });
    const after = (await call<Record<string, unknown>>(admin, 'app.option.get')).result;
    expect(phpSerializedLength(after)).toBe(OPTIONS_MAX_SERIALIZED_BYTES);
    // Multi-byte text counts in UTF-8 bytes, as PHP's strlen does.
    expect(await callFailure(admin, 'app.option.set', { options: { playbook_183: 'й'.repeat(fits) } })).toMatchObject({
      code: 'ERROR_ARGUMENT',
    });
  });
});

describe('user.option.set / get', () => {
  it('keeps options per user, merged key by key, with the same size limit per user', async () => {
    await call(context.app(5), 'user.option.set', { options: { seen_177_29: 'DT177_7:CLIENT' } });
    await call(context.app(5), 'user.option.set', { options: { density: 'compact' } });
    expect((await call(context.app(5), 'user.option.get')).result).toEqual({
      seen_177_29: 'DT177_7:CLIENT',
      density: 'compact',
    });
    expect((await call(context.app(7), 'user.option.get')).result).toEqual([]);
    expect(
      await callFailure(context.app(5), 'user.option.set', {
        options: { big: 'z'.repeat(OPTIONS_MAX_SERIALIZED_BYTES) },
      }),
    ).toMatchObject({ code: 'ERROR_ARGUMENT', status: 400 });
    expect((await call(context.app(5), 'user.option.get', { option: 'density' })).result).toBe('compact');
  });
});

describe('phpSerializedLength', () => {
  it('measures as PHP serialize() does', () => {
    // serialize(['a' => 'bc', 0 => true, 'n' => null, 'i' => 42, 'l' => [1]])
    expect(phpSerializedLength({ a: 'bc', 0: true, n: null, i: 42, l: [1] })).toBe(
      'a:5:{i:0;b:1;s:1:"a";s:2:"bc";s:1:"n";N;s:1:"i";i:42;s:1:"l";a:1:{i:0;i:1;}}'.length,
    );
    expect(phpSerializedLength('Ä')).toBe('s:2:"Ä";'.length + 1);
  });
});
