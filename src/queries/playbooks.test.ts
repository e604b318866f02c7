import { describe, expect, it } from 'vitest';
import { BitrixError } from '../bitrix/errors';
import { PLAYBOOK_SCHEMA } from '../domain/playbooks/playbook';
import { emptyPlaybookDocument, serialisePlaybookDocument } from '../domain/playbooks/playbook-document';
import { playbookOptionCommand, playbookOptionName, readPlaybookEntry, readPlaybookOption } from './playbooks';

describe('playbook option', () => {
  it('is named per smart process and read with app.option.get', () => {
    expect(playbookOptionName(177)).toBe('playbook_177');
    expect(playbookOptionCommand(177)).toEqual({ method: 'app.option.get', params: { option: 'playbook_177' } });
  });

  it.each([null, undefined, '', []])('reads %j as none configured', (answer) => {
    expect(readPlaybookOption(answer)).toEqual({ kind: 'none' });
  });

  it('reads a stored document, a newer one, and garbage', () => {
    const doc = { ...emptyPlaybookDocument(177), revision: 2, savedAt: '2026-11-30T14:05:00+03:00', savedBy: 1 };
    expect(readPlaybookOption(serialisePlaybookDocument(doc), 177)).toEqual({ kind: 'ok', document: doc });
    expect(readPlaybookOption(JSON.stringify({ schema: PLAYBOOK_SCHEMA + 1 }))).toEqual({
      kind: 'newer-schema',
      schema: PLAYBOOK_SCHEMA + 1,
    });
    expect(readPlaybookOption('not json').kind).toBe('invalid');
    expect(readPlaybookOption(serialisePlaybookDocument(doc), 180).kind).toBe('invalid');
  });

  it('throws the error of a failed read', () => {
    const error = new BitrixError({ kind: 'access-denied', code: 'ACCESS_DENIED', status: 403 });
    expect(() => readPlaybookEntry({ ok: false, error })).toThrow(error);
  });
});
