import { describe, expect, it } from 'vitest';
import { BitrixError } from '../bitrix/errors';
import { PLAYBOOK_SCHEMA } from '../domain/playbooks/playbook';
import { emptyPlaybookDocument, serialisePlaybookDocument } from '../domain/playbooks/playbook-document';
import { APP_OPTIONS_MAX_BYTES } from '../domain/playbooks/option-budget';
import { addTemplate, blankTemplate, updateTemplate } from '../domain/playbooks/playbook-editing';
import { createFakeBoundary } from '../testing/fake-boundary';
import { fakeCrm, fakeCrmHandlers } from '../testing/fake-crm';
import {
  PlaybookSaveRefused,
  playbookOptionCommand,
  playbookOptionName,
  readPlaybookEntry,
  loadPlaybookEditor,
  readPlaybookOption,
  savePlaybook,
  userTypeFields,
} from './playbooks';

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

describe('savePlaybook', () => {
  function portalWith(stored: unknown, session = { isAdmin: true }) {
    const options: Record<string, unknown> = { playbook_177: stored };
    const boundary = createFakeBoundary(
      {
        'app.option.get': ({ option }) => (option ? (options[option] ?? null) : options) as never,
        'app.option.set': ({ options: written }) => {
          Object.assign(options, written);
          return true;
        },
      },
      session,
    );
    return { boundary, options };
  }

  const draft = addTemplate(emptyPlaybookDocument(177), 'DT177_7:APPROVAL', blankTemplate('legal', 'Legal: {title}'));

  it('writes the next revision as a JSON string, dated by the portal clock', async () => {
    const { boundary, options } = portalWith(null);
    boundary.setPortalClockSkew(0);
    const saved = await savePlaybook(boundary, { document: draft, baseRevision: 0, userId: 1 });
    expect(saved.revision).toBe(1);
    expect(saved.savedBy).toBe(1);
    expect(saved.savedAt).toMatch(/\+03:00$/);
    expect(typeof options.playbook_177).toBe('string');
    expect(readPlaybookOption(options.playbook_177, 177)).toEqual({ kind: 'ok', document: saved });
    const again = await savePlaybook(boundary, { document: saved, baseRevision: 1, userId: 1 });
    expect(again.revision).toBe(2);
  });

  it('refuses to overwrite a revision another admin saved meanwhile, and writes nothing', async () => {
    const theirs = { ...draft, revision: 5, savedAt: '2026-11-30T14:05:00+03:00', savedBy: 7 };
    const { boundary, options } = portalWith(serialisePlaybookDocument(theirs));
    await expect(savePlaybook(boundary, { document: draft, baseRevision: 4, userId: 1 })).rejects.toMatchObject({
      refusal: { kind: 'newer-revision', revision: 5, savedAt: '2026-11-30T14:05:00+03:00', savedBy: 7 },
    });
    expect(options.playbook_177).toBe(serialisePlaybookDocument(theirs));
  });

  it('takes an earlier save whose answer was lost as the save when asked again, writing nothing twice', async () => {
    const { boundary, options } = portalWith(null);
    let sets = 0;
    boundary.setHandler('app.option.set', ({ options: written }) => {
      sets += 1;
      Object.assign(options, written);
      // The portal wrote it; the answer never reached the app.
      if (sets === 1) throw new BitrixError({ kind: 'network', code: 'NETWORK_ERROR', status: 0 });
      return true;
    });
    await expect(savePlaybook(boundary, { document: draft, baseRevision: 0, userId: 1 })).rejects.toMatchObject({
      kind: 'network',
    });
    const again = await savePlaybook(boundary, { document: draft, baseRevision: 0, userId: 1 });
    expect(again.revision).toBe(1);
    expect(sets).toBe(1);
    // The same content saved by ANOTHER admin is still their save: refused, not taken over.
    await expect(savePlaybook(boundary, { document: draft, baseRevision: 0, userId: 2 })).rejects.toMatchObject({
      refusal: { kind: 'newer-revision', savedBy: 1 },
    });
    // Other content over one's own landed save is refused too: the editor reloads first.
    const changed = updateTemplate(draft, 'DT177_7:APPROVAL', 'legal', { title: 'Other {title}' });
    await expect(savePlaybook(boundary, { document: changed, baseRevision: 0, userId: 1 })).rejects.toMatchObject({
      refusal: { kind: 'newer-revision' },
    });
  });

  it('never overwrites a playbook of a newer schema', async () => {
    const newer = JSON.stringify({ schema: PLAYBOOK_SCHEMA + 1, revision: 1 });
    const { boundary, options } = portalWith(newer);
    await expect(savePlaybook(boundary, { document: draft, baseRevision: 9, userId: 1 })).rejects.toMatchObject({
      refusal: { kind: 'newer-schema', schema: PLAYBOOK_SCHEMA + 1 },
    });
    expect(options.playbook_177).toBe(newer);
  });

  it('refuses a non-admin, an invalid document and one over the size limit before writing', async () => {
    const { boundary: user, options } = portalWith(null, { isAdmin: false });
    await expect(savePlaybook(user, { document: draft, baseRevision: 0, userId: 3 })).rejects.toBeInstanceOf(
      PlaybookSaveRefused,
    );
    expect(user.roundTrips).toEqual([]);
    const { boundary } = portalWith(null);
    const empty = updateTemplate(draft, 'DT177_7:APPROVAL', 'legal', { title: ' ' });
    await expect(savePlaybook(boundary, { document: empty, baseRevision: 0, userId: 1 })).rejects.toMatchObject({
      refusal: { kind: 'invalid' },
    });
    let huge = emptyPlaybookDocument(177);
    for (let stage = 0; stage < 30; stage += 1) {
      for (let index = 0; index < 10; index += 1) {
        huge = addTemplate(huge, `DT177_7:S${stage}`, {
          ...blankTemplate(`k${stage}-${index}`, 'T'),
          description: 'ж'.repeat(300),
        });
      }
    }
    await expect(savePlaybook(boundary, { document: huge, baseRevision: 0, userId: 1 })).rejects.toMatchObject({
      refusal: { kind: 'too-large', limit: APP_OPTIONS_MAX_BYTES },
    });
    expect(options.playbook_177).toBeNull();
  });

  it('counts the room the other smart processes’ playbooks already take', async () => {
    const { boundary, options } = portalWith(null);
    options.playbook_156 = 'x'.repeat(60_000);
    let doc = draft;
    for (let index = 0; index < 10; index += 1) {
      doc = addTemplate(doc, 'DT177_7:NEW', { ...blankTemplate(`n${index}`, 'T'), description: 'd'.repeat(600) });
    }
    await expect(savePlaybook(boundary, { document: doc, baseRevision: 0, userId: 1 })).rejects.toMatchObject({
      refusal: { kind: 'too-large', limit: APP_OPTIONS_MAX_BYTES },
    });
    delete options.playbook_156;
    expect((await savePlaybook(boundary, { document: doc, baseRevision: 0, userId: 1 })).revision).toBe(1);
  });
});

describe('loadPlaybookEditor', () => {
  it('reads the smart process, funnels, fields, user, options, stages and named people in two round trips', async () => {
    const options: Record<string, unknown> = {
      surfaceChoices: '{"overrides":{}}',
      playbook_177: serialisePlaybookDocument(
        addTemplate(emptyPlaybookDocument(177), 'DT177_7:CLIENT', {
          ...blankTemplate('legal', 'Legal {title}'),
          responsible: { kind: 'user', userId: 4 },
          observerIds: [2],
        }),
      ),
    };
    const boundary = createFakeBoundary({
      ...fakeCrmHandlers(fakeCrm()),
      'app.option.get': ({ option }) => (option ? (options[option] ?? null) : options) as never,
    });
    const setup = await loadPlaybookEditor(boundary, 177);
    expect(boundary.roundTrips.map((trip) => trip.kind)).toEqual(['batch', 'batch']);
    expect(setup.stored.kind).toBe('ok');
    expect(setup.options).toEqual(options);
    expect([...setup.people.values()].map((user) => user.name).sort()).toEqual(['Daniel Park', 'Maxim Orlov']);
    expect(setup.stagesByCategory.get(7)?.map((stage) => stage.name)).toEqual([
      'New request',
      'Approval',
      'Delivered',
      'Cancelled',
    ]);
    expect(userTypeFields(setup.fields).map((field) => field.name)).toEqual(['assignedById', 'ufCrm7Inspector']);
  });
});
