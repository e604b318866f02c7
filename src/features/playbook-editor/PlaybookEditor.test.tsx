import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BitrixError } from '../../bitrix/errors';
import { PLAYBOOK_SCHEMA, type PlaybookDocument } from '../../domain/playbooks/playbook';
import { parsePlaybookDocument, serialisePlaybookDocument } from '../../domain/playbooks/playbook-document';
import { addTemplate, blankTemplate } from '../../domain/playbooks/playbook-editing';
import { createFakeBoundary, type FakeBoundary } from '../../testing/fake-boundary';
import { fakeCrm, fakeCrmHandlers } from '../../testing/fake-crm';
import { renderSurface } from '../../testing/render-surface';
import { PlaybookEditor } from './PlaybookEditor';

afterEach(cleanup);

const APPROVAL = 'DT177_7:CLIENT';

/** The fake CRM (smart process 177, stages New request / Approval / Delivered / Cancelled) plus app options. */
function portal(options: { isAdmin?: boolean; stored?: unknown; language?: string } = {}) {
  const crm = fakeCrm();
  const stored: Record<string, unknown> = { playbook_177: options.stored ?? null };
  const writes: string[] = [];
  const base = fakeCrmHandlers(crm);
  const boundary: FakeBoundary = createFakeBoundary(
    {
      ...base,
      'crm.item.list': (params) =>
        params.filter?.stageId === APPROVAL || (params.filter && !('stageId' in params.filter))
          ? { items: crm.items }
          : { items: [] },
      'app.option.get': ({ option }) => (option ? (stored[option] ?? null) : stored) as never,
      'app.option.set': ({ options: written }) => {
        writes.push(JSON.stringify(written));
        Object.assign(stored, written);
        return true;
      },
    },
    {
      isAdmin: options.isAdmin ?? true,
      placement: 'CRM_DYNAMIC_177_ROBOT_DESIGNER_TOOLBAR',
      placementOptions: {},
      bitrixLanguage: options.language ?? 'en',
    },
  );
  return { boundary, stored, writes };
}

function storedDocument(stored: Record<string, unknown>): PlaybookDocument {
  const outcome = parsePlaybookDocument(stored.playbook_177);
  if (outcome.kind !== 'ok') throw new Error(`stored playbook is ${outcome.kind}`);
  return outcome.document;
}

function approvalPlaybook(revision = 1): PlaybookDocument {
  return {
    ...addTemplate(
      {
        schema: PLAYBOOK_SCHEMA,
        entityTypeId: 177,
        revision,
        savedAt: '2026-11-30T14:05:00+03:00',
        savedBy: 1,
        stages: [],
      },
      APPROVAL,
      { ...blankTemplate('legal-a1', 'Legal check: {title}'), checklist: ['Contract', 'NDA'] },
    ),
  };
}

async function chooseStage(name: RegExp, label = 'Stage') {
  const stage = await screen.findByLabelText(label);
  const option = within(stage).getByRole('option', { name });
  fireEvent.change(stage, { target: { value: (option as HTMLOptionElement).value } });
}

describe('PlaybookEditor', () => {
  it('offers a playbook built from the stage names and writes nothing until the admin saves it', async () => {
    const { boundary, stored, writes } = portal();
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    expect(await screen.findByText('No playbook yet')).toBeTruthy();
    expect(writes).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Use the suggestion' }));
    expect(writes).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved at/);
    const document = storedDocument(stored);
    expect(document.revision).toBe(1);
    expect(document.stages.map((stage) => [stage.stageId, stage.templates.map((t) => t.title)])).toEqual([
      ['DT177_7:NEW', ['{stage}: {title}']],
      [APPROVAL, ['{stage}: {title}']],
    ]);
  });

  it('lets an admin add a task with a checklist to Approval, previewed on the newest item there, and saves it', async () => {
    const { boundary, stored } = portal();
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    fireEvent.click(await screen.findByRole('button', { name: 'Start empty' }));
    await chooseStage(/^Approval/);
    fireEvent.click(screen.getByRole('button', { name: 'Add a task' }));
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Legal check: {title} #{id}' } });
    fireEvent.change(screen.getByLabelText('Description'), {
      target: { value: 'Inspector {field:ufCrm7Inspector}, amount {field:opportunity}' },
    });
    fireEvent.change(screen.getByLabelText('Checklist'), { target: { value: 'Contract\n\n NDA \n' } });
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'high' } });
    expect(await screen.findByText('On the newest item here: Washing Machine (#29)')).toBeTruthy();
    expect(screen.getByText('Legal check: Washing Machine #29')).toBeTruthy();
    expect(screen.getByText(/Responsible: Maxim Orlov/)).toBeTruthy();
    // Fields as the card shows them: a user by name, the amount as money in the item's currency.
    expect(await screen.findByText('Inspector Daniel Park, amount €3,400.00')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved at/);
    const [template] = storedDocument(stored).stages.find((stage) => stage.stageId === APPROVAL)!.templates;
    expect(template).toMatchObject({
      title: 'Legal check: {title} #{id}',
      checklist: ['Contract', 'NDA'],
      priority: 'high',
      responsible: { kind: 'item-responsible' },
    });
  });

  it('sets a fixed responsible and participants with the portal’s user picker, or a user field of the item', async () => {
    const { boundary, stored } = portal();
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    fireEvent.click(await screen.findByRole('button', { name: 'Start empty' }));
    await chooseStage(/^Approval/);
    fireEvent.click(screen.getByRole('button', { name: 'Add a task' }));
    fireEvent.change(screen.getByLabelText('Responsible'), { target: { value: 'user' } });
    // Nobody chosen yet: the save names it instead of writing.
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Approval, task 1: Nobody chosen yet')).toBeTruthy();

    const person = (id: number, name: string) => ({ id, name, photoUrl: null, position: '' });
    boundary.answerNextPicker([person(4, 'Daniel Park')]);
    fireEvent.click(screen.getByRole('button', { name: 'Choose…' }));
    expect(await screen.findByText('Daniel Park')).toBeTruthy();
    boundary.answerNextPicker([person(2, 'Maxim Orlov'), person(1, 'Olivia Bennett')]);
    fireEvent.click(within(screen.getByRole('group', { name: 'Participants' })).getByRole('button', { name: 'Add…' }));
    expect(await screen.findByRole('button', { name: 'Remove Olivia Bennett' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Olivia Bennett' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved at/);
    expect(storedDocument(stored).stages[0]!.templates[0]).toMatchObject({
      responsible: { kind: 'user', userId: 4 },
      participantIds: [2],
      observerIds: [],
    });

    fireEvent.change(screen.getByLabelText('Responsible'), { target: { value: 'item-field' } });
    expect(
      within(screen.getByLabelText('User field'))
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Responsible', 'Inspector']);
    fireEvent.change(screen.getByLabelText('User field'), { target: { value: 'ufCrm7Inspector' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(storedDocument(stored).stages[0]!.templates[0]!.responsible).toEqual({
        kind: 'item-field',
        field: 'ufCrm7Inspector',
      }),
    );
  });

  it('shows a non-admin the playbook read only, saying only an admin can change it', async () => {
    const { boundary, writes } = portal({ isAdmin: false, stored: serialisePlaybookDocument(approvalPlaybook()) });
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    expect(
      await screen.findByText('Only a Bitrix24 administrator can change playbooks. You can see this one.'),
    ).toBeTruthy();
    await chooseStage(/^Approval/);
    // Disabled through its fieldset, as a browser sees it.
    expect(screen.getByLabelText('Title').closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a task' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(writes).toEqual([]);
  });

  it('refuses to save over another admin’s newer save, keeping the edits', async () => {
    const { boundary, stored, writes } = portal({ stored: serialisePlaybookDocument(approvalPlaybook(1)) });
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    await chooseStage(/^Approval/);
    // Meanwhile another admin (Daniel Park, user 4) saves revision 2.
    stored.playbook_177 = serialisePlaybookDocument({ ...approvalPlaybook(2), savedBy: 4 });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'My edit {title}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(/Another admin \(Daniel Park\) saved a change at .*; reload to see it/),
    ).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('My edit {title}');
    expect(writes).toEqual([]);
    expect(storedDocument(stored).revision).toBe(2);
    // Reload starts over from what is stored (the other admin's revision), on the first stage.
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByText(/Another admin/)).toBeNull());
    await chooseStage(/^Approval/);
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Legal check: {title}');
  });

  it('after a save whose answer was lost, saving again finds it saved and writes nothing twice', async () => {
    const { boundary, stored, writes } = portal({ stored: serialisePlaybookDocument(approvalPlaybook(1)) });
    boundary.setHandler('app.option.set', ({ options: written }) => {
      writes.push(JSON.stringify(written));
      Object.assign(stored, written);
      if (writes.length === 1) throw new BitrixError({ kind: 'timeout', code: 'TIMEOUT', status: 0 });
      return true;
    });
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    await chooseStage(/^Approval/);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Legal check v2: {title}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('Bitrix24 did not answer: the playbook may or may not have been saved.'),
    ).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Legal check v2: {title}');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved at/);
    expect(writes).toHaveLength(1);
    expect(storedDocument(stored)).toMatchObject({ revision: 2 });
  });

  it('names tasks of stages the smart process no longer has, and lets the admin delete them', async () => {
    const withGone = addTemplate(approvalPlaybook(1), 'DT177_7:GONE', blankTemplate('gone-c3', 'Old stage task'));
    const { boundary, stored } = portal({ stored: serialisePlaybookDocument(withGone) });
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    expect(
      await screen.findByText('1 task belongs to a stage this smart process no longer has; it is never offered.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete them' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved at/);
    expect(storedDocument(stored).stages.map((stage) => stage.stageId)).toEqual([APPROVAL]);
  });

  it('shows a playbook of a newer Smart Tasks read only and never saves over it', async () => {
    const newer = JSON.stringify({ schema: PLAYBOOK_SCHEMA + 1, stages: 'whatever' });
    const { boundary, stored } = portal({ stored: newer });
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    expect(await screen.findByText('Made by a newer Smart Tasks')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByText('No playbook yet')).toBeNull();
    expect(stored.playbook_177).toBe(newer);
  });

  it('refuses to import a newer-schema file and shows what a valid import changes before applying it', async () => {
    const { boundary, writes } = portal({ stored: serialisePlaybookDocument(approvalPlaybook(3)) });
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    const paste = await screen.findByLabelText('Or paste JSON');
    fireEvent.change(paste, { target: { value: JSON.stringify({ schema: PLAYBOOK_SCHEMA + 1 }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(
      await screen.findByText('This file was made by a newer Smart Tasks; update the app to import it.'),
    ).toBeTruthy();

    const imported = addTemplate(approvalPlaybook(9), APPROVAL, blankTemplate('ceo-b2', 'CEO sign-off'));
    fireEvent.change(paste, { target: { value: serialisePlaybookDocument(imported) } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Approval: adds “CEO sign-off”')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await chooseStage(/^Approval/);
    expect(screen.getAllByLabelText('Title').map((input) => (input as HTMLInputElement).value)).toEqual([
      'Legal check: {title}',
      'CEO sign-off',
    ]);
    expect(writes).toEqual([]);
  });

  it('names what must be fixed when a save does not validate', async () => {
    const { boundary, writes } = portal({ stored: serialisePlaybookDocument(approvalPlaybook(1)) });
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    await chooseStage(/^Approval/);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Check {titel}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Approval, task 1: an unknown placeholder ({titel})')).toBeTruthy();
    expect(writes).toEqual([]);
  });

  it('shows an invalid number of working days at the field, keeps every edit and never crashes the preview', async () => {
    const { boundary, writes } = portal({ stored: serialisePlaybookDocument(approvalPlaybook(1)) });
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    await chooseStage(/^Approval/);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Legal check, edited: {title}' } });
    await screen.findByText(/ · Due /);
    for (const typed of ['-5', '', '1.5', '100000']) {
      fireEvent.change(screen.getByLabelText('Working days'), { target: { value: typed } });
      expect(screen.getByText('Enter a whole number from 0 to 260.')).toBeTruthy();
      expect(screen.getByText(/The deadline cannot be computed until the amount is fixed/)).toBeTruthy();
      expect(screen.queryByText(/ · Due /)).toBeNull();
      expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Legal check, edited: {title}');
    }
    fireEvent.change(screen.getByLabelText('Working days'), { target: { value: '-5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Approval, task 1/)).toBeTruthy();
    expect(writes).toEqual([]);
    fireEvent.change(screen.getByLabelText('Working days'), { target: { value: '2' } });
    expect(screen.queryByText('Enter a whole number from 0 to 260.')).toBeNull();
    expect(await screen.findByText(/ · Due /)).toBeTruthy();
  });

  it('refuses an item field the smart process does not have, naming the fields it has', async () => {
    const { boundary, writes } = portal({ stored: serialisePlaybookDocument(approvalPlaybook(1)) });
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    await chooseStage(/^Approval/);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Check {field:doesNotExist}' } });
    const problem = screen.getByText(/The item has no field \{field:doesNotExist\}\. Available: /);
    expect(problem.textContent).toContain('{field:opportunity}');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getAllByText(/The item has no field \{field:doesNotExist\}/)).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(writes).toEqual([]);
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Check {field:opportunity}' } });
    expect(screen.queryByText(/The item has no field/)).toBeNull();
  });

  it('shows and takes the time of day in the portal language’s 24-hour format', async () => {
    const { boundary, stored } = portal({ stored: serialisePlaybookDocument(approvalPlaybook(1)), language: 'de' });
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    await chooseStage(/^Approval/, 'Phase');
    const at = screen.getByLabelText('Um') as HTMLInputElement;
    expect(at.type).toBe('text');
    expect(at.value).toBe('18:00');
    fireEvent.change(at, { target: { value: '9:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => {
      const template = storedDocument(stored).stages[0]!.templates[0]!;
      expect(template.deadline).toEqual({ unit: 'working-days', amount: 1, timeOfDay: '09:30' });
    });
  });

  it('heads the editor with the smart process’s name, not a second “Stage playbooks”', async () => {
    const { boundary } = portal({ stored: serialisePlaybookDocument(approvalPlaybook(1)) });
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    expect(await screen.findByRole('heading', { level: 1, name: 'Equipment Purchase' })).toBeTruthy();
    expect(screen.queryByText(/Stage playbooks/)).toBeNull();
  });

  it('names imported users the portal does not have in the import’s change list', async () => {
    const { boundary } = portal({ stored: serialisePlaybookDocument(approvalPlaybook(3)) });
    renderSurface(<PlaybookEditor entityTypeId={177} />, { boundary });
    const imported = addTemplate(approvalPlaybook(9), APPROVAL, {
      ...blankTemplate('ceo-b2', 'CEO sign-off'),
      responsible: { kind: 'user', userId: 999 },
    });
    fireEvent.change(await screen.findByLabelText('Or paste JSON'), {
      target: { value: serialisePlaybookDocument(imported) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Approval: adds “CEO sign-off”')).toBeTruthy();
    expect(await screen.findByText('User #999 named in the file does not exist on this portal.')).toBeTruthy();
  });
});
