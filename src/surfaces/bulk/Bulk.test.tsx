import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BitrixError } from '../../bitrix/errors';
import type { RestCrmItem, RestTask } from '../../bitrix/rest-types';
import { createFakeBoundary, type FakeBoundary, type FakeHandlers } from '../../testing/fake-boundary';
import { renderSurface } from '../../testing/render-surface';
import { Bulk } from './Bulk';

/** A portal with one smart process (183, `Tb7`), two funnels and `count` items in funnel 11. */
interface MiniPortal {
  items: RestCrmItem[];
  tasks: Array<RestTask & { ufCrmTask: string[] }>;
  /** Checklist lines per task id. */
  checklists: Map<string, string[]>;
  /** The stored `playbook_183` app option (a JSON string), or null. */
  playbook: string | null;
  /** When set, tasks.task.add answers this way instead of creating. */
  addFault: (() => never) | null;
  /** The portal's clock minus the computer's, ms (the portal stamps CREATED_DATE with its own). */
  portalClockSkewMs: number;
}

function miniPortal(count: number): MiniPortal {
  return {
    items: Array.from({ length: count }, (_, index) => ({
      id: index + 1,
      title: `Request ${index + 1}`,
      categoryId: 11,
      stageId: index % 2 === 0 ? 'DT183_11:NEW' : 'DT183_11:PREPARATION',
      assignedById: (index % 3) + 2,
    })),
    tasks: [],
    checklists: new Map(),
    playbook: null,
    addFault: null,
    portalClockSkewMs: 0,
  };
}

function list<T>(values: unknown): T[] {
  return ([] as unknown[]).concat(values ?? []) as T[];
}

function handlers(portal: MiniPortal): FakeHandlers {
  return {
    'crm.enum.ownertype': () => [
      { ID: 183, NAME: 'Service Requests', SYMBOL_CODE: 'DYNAMIC_183', SYMBOL_CODE_SHORT: 'Tb7' },
    ],
    'crm.type.getByEntityTypeId': () => ({
      type: {
        id: 3,
        title: 'Service Requests',
        entityTypeId: 183,
        isUseInUserfieldEnabled: 'Y',
        linkedUserFields: { 'TASKS_TASK|UF_CRM_TASK': 'Y' },
      },
    }),
    'crm.category.list': () => ({
      categories: [
        { id: 11, name: 'Support', sort: 100, entityTypeId: 183, isDefault: 'Y' },
        { id: 12, name: 'Field service', sort: 200, entityTypeId: 183, isDefault: 'N' },
      ],
    }),
    'crm.status.list': ({ filter }) => {
      const category = filter.ENTITY_ID.split('_').at(-1);
      return [
        {
          ID: '1',
          ENTITY_ID: filter.ENTITY_ID,
          STATUS_ID: `DT183_${category}:NEW`,
          NAME: 'New',
          SORT: '10',
          SEMANTICS: null,
        },
        {
          ID: '2',
          ENTITY_ID: filter.ENTITY_ID,
          STATUS_ID: `DT183_${category}:PREPARATION`,
          NAME: 'In progress',
          SORT: '20',
          SEMANTICS: null,
        },
      ];
    },
    'user.current': () => ({ ID: '1', NAME: 'Olivia', LAST_NAME: 'Bennett' }),
    'user.get': ({ filter = {} }) =>
      list<number>(filter.ID).map((id) => ({ ID: String(id), NAME: 'User', LAST_NAME: String(id) })),
    'crm.item.list': ({ filter = {}, start }) => {
      const ids = filter['@id'] === undefined ? null : list<number>(filter['@id']).map(Number);
      const matching = portal.items.filter(
        (item) =>
          (filter.categoryId === undefined || item.categoryId === filter.categoryId) &&
          (filter.stageId === undefined || item.stageId === filter.stageId) &&
          (filter.assignedById === undefined || item.assignedById === filter.assignedById) &&
          (filter['>id'] === undefined || item.id > Number(filter['>id'])) &&
          (ids === null || ids.includes(item.id)),
      );
      const page = matching.slice(0, 50).map((item) => ({ ...item }));
      return start === -1 ? { items: page } : { result: { items: page }, total: matching.length };
    },
    'tasks.task.list': ({ filter = {}, start = 0 }) => {
      const codes = filter.UF_CRM_TASK === undefined ? null : list<string>(filter.UF_CRM_TASK).map(String);
      const ids = filter.ID === undefined ? null : list<number>(filter.ID).map(String);
      const matching = portal.tasks.filter(
        (task) =>
          (codes === null || task.ufCrmTask.some((code) => codes.includes(code))) &&
          (ids === null || ids.includes(task.id)) &&
          (filter.CREATED_BY === undefined || task.createdBy === String(filter.CREATED_BY)) &&
          (filter['!STATUS'] === undefined || task.status !== String(filter['!STATUS'])) &&
          (filter['>=CREATED_DATE'] === undefined ||
            Date.parse(task.createdDate ?? '') >= Date.parse(String(filter['>=CREATED_DATE']))),
      );
      return { result: { tasks: matching.slice(start, start + 50) }, total: matching.length };
    },
    'tasks.task.add': ({ fields }) => {
      portal.addFault?.();
      const task = {
        id: String(5000 + portal.tasks.length + 1),
        title: fields.TITLE,
        description: fields.DESCRIPTION ?? '',
        status: '2',
        responsibleId: String(fields.RESPONSIBLE_ID),
        createdBy: '1',
        createdDate: new Date(Date.now() + portal.portalClockSkewMs).toISOString(),
        deadline: fields.DEADLINE ?? null,
        ufCrmTask: fields.UF_CRM_TASK ?? [],
        xmlId: fields.XML_ID ?? null,
      };
      portal.tasks.push(task);
      return { task: { id: task.id, title: task.title } };
    },
    'task.checklistitem.add': ({ TASKID, FIELDS }) => {
      const lines = portal.checklists.get(String(TASKID)) ?? [];
      lines.push(FIELDS.TITLE);
      portal.checklists.set(String(TASKID), lines);
      return lines.length;
    },
    'app.option.get': () => portal.playbook ?? '',
    'tasks.task.delete': ({ taskId }) => {
      portal.tasks = portal.tasks.filter((task) => task.id !== String(taskId));
      return { task: true };
    },
  };
}

function renderBulk(
  portal: MiniPortal,
  before?: (boundary: FakeBoundary) => void,
  session: { bitrixLanguage?: string } = {},
) {
  const boundary = createFakeBoundary(handlers(portal), {
    placement: 'CRM_DYNAMIC_183_LIST_TOOLBAR',
    placementOptions: { URI: '/crm/type/183/list/' },
    ...session,
  });
  before?.(boundary);
  const view = renderSurface(<Bulk entityTypeId={183} initialFunnel={11} />, { boundary });
  return { boundary, view };
}

function runTasksPerItem(portal: MiniPortal): Map<string, number> {
  const perItem = new Map<string, number>();
  for (const task of portal.tasks) {
    if (!task.description?.includes('smart-tasks-run-')) continue;
    for (const code of task.ufCrmTask) perItem.set(code, (perItem.get(code) ?? 0) + 1);
  }
  return perItem;
}

/** Starts a run as a user does: the form's button, then the confirmation's. */
async function startRun(name: string | RegExp) {
  fireEvent.click(await screen.findByRole('button', { name }));
  const confirm = await screen.findByRole('alertdialog');
  fireEvent.click(within(confirm).getByRole('button', { name }));
}

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});

describe('the bulk panel', () => {
  it('shows a skeleton, then the funnel from the list it was opened on and how many items match', async () => {
    const portal = miniPortal(120);
    renderBulk(portal);
    expect(screen.getByRole('status', { name: 'Loading funnels and stages' })).toBeTruthy();
    const funnel = (await screen.findByRole('combobox', { name: 'Funnel' })) as HTMLSelectElement;
    expect(funnel.selectedOptions[0]!.textContent).toBe('Support');
    expect(await screen.findByText('120 items match.')).toBeTruthy();
    expect(await screen.findByText('120 of them have no open linked task.')).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Stage' }), { target: { value: 'DT183_11:NEW' } });
    expect(await screen.findByText('60 items match.')).toBeTruthy();
  });

  it('tells a user who is not an administrator that only tasks they can see keep an item out', async () => {
    renderBulk(miniPortal(5));
    expect(await screen.findByText(/Only tasks you can see in Bitrix24 count here/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only items with no open linked task' }));
    expect(screen.queryByText(/Only tasks you can see in Bitrix24 count here/)).toBeNull();
  });

  it('says why it cannot load', async () => {
    renderBulk(miniPortal(1), (boundary) =>
      boundary.setHandler('crm.category.list', () => {
        throw new BitrixError({ kind: 'access-denied', code: 'ACCESS_DENIED', status: 403 });
      }),
    );
    expect(await screen.findByText('The funnels and stages could not be loaded.')).toBeTruthy();
    expect(screen.getByText('You do not have permission for this in Bitrix24.')).toBeTruthy();
  });

  it('creates one linked task per item, up to 50 per request on a quick portal, with the template filled in, and reports with links', async () => {
    const portal = miniPortal(120);
    const { boundary } = renderBulk(portal, (fake) =>
      fake.setCommandTime('tasks.task.add', {
        processingSeconds: 0.05,
        operatingSeconds: null,
        operatingResetAt: null,
      }),
    );
    await screen.findByText('120 items match.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Call about {title} ({stage})' },
    });
    await startRun('Create 120 tasks');

    const report = await screen.findByTestId('bulk-report', {}, { timeout: 5000 });
    expect(within(report).getByText(/120 created, 0 skipped, 0 failed\./)).toBeTruthy();
    const perItem = runTasksPerItem(portal);
    expect(perItem.size).toBe(120);
    expect([...perItem.values()].every((count) => count === 1)).toBe(true);
    expect(portal.tasks.find((task) => task.ufCrmTask[0] === 'Tb7_2')!.title).toBe(
      'Call about Request 2 (In progress)',
    );
    const creates = boundary.roundTrips.filter((trip) => trip.methods.includes('tasks.task.add'));
    // The first request is small (nothing measured yet); then as many as fit well inside the timeout.
    expect(creates.map((trip) => trip.methods.length)).toEqual([6, 44, 50, 20]);

    fireEvent.click(within(report).getByRole('button', { name: 'Open the task for “Request 1”' }));
    expect(boundary.openedPaths.at(-1)).toMatch(/^\/company\/personal\/user\/1\/tasks\/task\/view\/\d+\/$/);
  });

  it('skips items that already have an open linked task', async () => {
    const portal = miniPortal(60);
    portal.tasks.push({
      id: '1',
      title: 'Existing',
      status: '3',
      createdBy: '2',
      description: '',
      ufCrmTask: ['Tb7_5'],
    });
    renderBulk(portal);
    expect(await screen.findByText('59 of them have no open linked task.')).toBeTruthy();
    await startRun('Create 59 tasks');
    expect(await screen.findByText(/59 created, 1 skipped, 0 failed\./, {}, { timeout: 5000 })).toBeTruthy();
    expect(runTasksPerItem(portal).has('Tb7_5')).toBe(false);
    // The report names the skipped item and why.
    const skipped = screen.getByTestId('bulk-skipped');
    expect(within(skipped).getByRole('button', { name: 'Request 5' })).toBeTruthy();
    expect(within(skipped).getByText('It already has an open linked task.')).toBeTruthy();
  });

  it('resumes a run cut off by a reload, creating no task twice', async () => {
    const portal = miniPortal(120);
    let adds = 0;
    portal.addFault = () => {
      adds += 1;
      // The second batch never answers: the page goes away mid-request.
      if (adds > 50) throw new BitrixError({ kind: 'network', code: 'NETWORK_ERROR', status: 0 });
      return undefined as never;
    };
    const first = renderBulk(portal);
    await screen.findByText('120 items match.');
    await startRun('Create 120 tasks');
    await screen.findByText('No answer from Bitrix24; trying again…', {}, { timeout: 5000 });
    // The run stops where it is and resumes from there: the button says so.
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    first.view.unmount();

    portal.addFault = null;
    renderBulk(portal);
    expect(await screen.findByText('The run is paused')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByText(/120 created, 0 skipped, 0 failed\./, {}, { timeout: 5000 })).toBeTruthy();
    const perItem = runTasksPerItem(portal);
    expect(perItem.size).toBe(120);
    expect([...perItem.values()].every((count) => count === 1)).toBe(true);
  });

  it('keeps a run to the user who started it: another user of the browser neither sees nor resumes it (issue 7.2)', async () => {
    const portal = miniPortal(120);
    let adds = 0;
    portal.addFault = () => {
      adds += 1;
      if (adds > 50) throw new BitrixError({ kind: 'network', code: 'NETWORK_ERROR', status: 0 });
      return undefined as never;
    };
    const first = renderBulk(portal);
    await screen.findByText('120 items match.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Olivia’s secret plan for {title}' },
    });
    await startRun('Create 120 tasks');
    await screen.findByText('No answer from Bitrix24; trying again…', {}, { timeout: 5000 });
    first.view.unmount();

    const asSophie = (boundary: FakeBoundary) =>
      boundary.setHandler('user.current', () => ({ ID: '3', NAME: 'Sophie', LAST_NAME: 'Wagner' }));
    const second = renderBulk(portal, asSophie);
    // Her form (the tasks Olivia's run made are open tasks on 50 of the items).
    expect(await screen.findByRole('button', { name: /^Create \d+ tasks$/ })).toBeTruthy();
    expect(screen.queryByText('The run is paused')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();
    expect(JSON.stringify(localStorage).includes('Olivia’s secret plan')).toBe(true);
    second.view.unmount();

    // Olivia still finds her own run.
    renderBulk(portal);
    expect(await screen.findByText('The run is paused')).toBeTruthy();
  });

  it('leaves only the counts of a finished run in the browser, not its template or item titles', async () => {
    const portal = miniPortal(60);
    renderBulk(portal);
    await screen.findByText('60 items match.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Confidential follow-up of {title}' },
    });
    await startRun('Create 60 tasks');
    expect(await screen.findByText(/60 created, 0 skipped, 0 failed\./, {}, { timeout: 5000 })).toBeTruthy();

    const stored = JSON.stringify(localStorage);
    expect(stored).not.toContain('Confidential follow-up');
    expect(stored).not.toContain('Request 1');
    cleanup();
    renderBulk(portal);
    // The panel opens on a new run; the earlier one is a line with its date in the user's zone.
    expect(await screen.findByText(/^Last run on [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/)).toBeTruthy();
    expect(screen.queryByTestId('bulk-report')).toBeNull();
    expect(screen.getByText('60 created, 0 skipped, 0 failed.')).toBeTruthy();
  });

  it('finds the tasks of a create whose answer was lost although the computer’s clock is two days ahead of the portal (issue 8.1)', async () => {
    const portal = miniPortal(60);
    portal.portalClockSkewMs = -2 * 24 * 3_600_000;
    let armed = false;
    const { boundary } = renderBulk(portal, (fake) => fake.setPortalClockSkew(portal.portalClockSkewMs));
    const recheck = handlers(portal)['tasks.task.list']!;
    boundary.setHandler('tasks.task.list', (params) => {
      // Right after the first re-check, the create batch runs on the portal but its answer is lost.
      if (!armed && params.filter?.CREATED_BY !== undefined) {
        armed = true;
        boundary.failNextRoundTrip(new BitrixError({ kind: 'network', code: 'NETWORK_ERROR', status: 0 }), {
          afterRunning: true,
        });
      }
      return recheck(params);
    });
    await screen.findByText('60 items match.');
    await startRun('Create 60 tasks');
    expect(await screen.findByText(/60 created, 0 skipped, 0 failed\./, {}, { timeout: 8000 })).toBeTruthy();
    expect(armed).toBe(true);
    const perItem = runTasksPerItem(portal);
    expect(perItem.size).toBe(60);
    expect([...perItem.values()].filter((count) => count !== 1)).toEqual([]);
  });

  it('writes portal text into descriptions as text, and reads the run’s mark only where the app wrote it (issues 7.3, 8.5)', async () => {
    const portal = miniPortal(120);
    portal.items[0]!.title = '[URL=https://evil.example/pay]Pay invoice[/URL] [B]urgent';
    let adds = 0;
    portal.addFault = () => {
      adds += 1;
      if (adds > 50) throw new BitrixError({ kind: 'network', code: 'NETWORK_ERROR', status: 0 });
      return undefined as never;
    };
    const first = renderBulk(portal, (fake) =>
      fake.setCommandTime('tasks.task.add', {
        processingSeconds: 0.05,
        operatingSeconds: null,
        operatingResetAt: null,
      }),
    );
    await screen.findByText('120 items match.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Description' }), { target: { value: 'About {title}' } });
    await startRun('Create 120 tasks');
    await screen.findByText('No answer from Bitrix24; trying again…', {}, { timeout: 5000 });
    first.view.unmount();

    const evil = portal.tasks.find((task) => task.ufCrmTask.includes('Tb7_1'))!;
    expect(evil.description).not.toMatch(/\[URL=https:\/\/evil/i);
    expect(evil.description).not.toMatch(/\[B\]/);
    // Someone pastes the run's id into an unrelated task of item 100 (e.g. through an item title).
    const runId = /smart-tasks-run-[0-9a-f]{16}/.exec(evil.description ?? '')![0];
    portal.tasks.push({
      id: '7777',
      title: `Copied ${runId}`,
      description: `Seen in ${runId}`,
      status: '5',
      createdBy: '1',
      createdDate: new Date().toISOString(),
      ufCrmTask: ['Tb7_100'],
    });

    portal.addFault = null;
    renderBulk(portal);
    fireEvent.click(await screen.findByRole('button', { name: 'Resume' }));
    expect(await screen.findByText(/120 created, 0 skipped, 0 failed\./, {}, { timeout: 5000 })).toBeTruthy();
    expect(runTasksPerItem(portal).get('Tb7_100')).toBe(2);
    expect(portal.tasks.filter((task) => task.ufCrmTask.includes('Tb7_100') && task.id !== '7777')).toHaveLength(1);
  }, 20_000);

  it('reads the deadline on the clock of the user’s Bitrix24 zone, not the computer’s (issue 8.2)', async () => {
    const portal = miniPortal(3);
    renderBulk(portal, (fake) =>
      fake.setHandler('user.current', () => ({
        ID: '1',
        NAME: 'Olivia',
        LAST_NAME: 'Bennett',
        TIME_ZONE: 'Asia/Vladivostok',
      })),
    );
    await screen.findByText('3 items match.');
    fireEvent.change(screen.getByLabelText('Deadline'), { target: { value: '12/04/2026, 06:00 PM' } });
    await startRun('Create 3 tasks');
    expect(await screen.findByText(/3 created, 0 skipped, 0 failed\./, {}, { timeout: 5000 })).toBeTruthy();
    // 18:00 in Vladivostok (UTC+10) is 08:00 UTC, whatever zone the computer is set to.
    expect(new Set(portal.tasks.map((task) => Date.parse(String(task.deadline))))).toEqual(
      new Set([Date.parse('2026-12-04T08:00:00Z')]),
    );
  });

  it('reports refused items and creates them on retry', async () => {
    const portal = miniPortal(10);
    let refusals = 2;
    portal.addFault = () => {
      if (refusals-- > 0)
        throw new BitrixError({
          kind: 'validation',
          code: 'ERROR_CORE',
          status: 400,
          portalDescription: 'Responsible person not specified',
        });
      return undefined as never;
    };
    renderBulk(portal);
    await startRun('Create 10 tasks');
    const report = await screen.findByTestId('bulk-report', {}, { timeout: 5000 });
    expect(within(report).getByText(/8 created, 0 skipped, 2 failed\./)).toBeTruthy();
    expect(within(report).getAllByText(/Responsible person not specified/)).toHaveLength(2);

    // Opened again later, the panel does not open on this report: it offers it.
    cleanup();
    renderBulk(portal);
    expect(await screen.findByRole('button', { name: 'Create 2 tasks' })).toBeTruthy();
    expect(screen.queryByTestId('bulk-report')).toBeNull();
    expect(screen.getByText(/^Last run on /)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show its report' }));
    const again = await screen.findByTestId('bulk-report');
    fireEvent.click(within(again).getByRole('button', { name: 'Retry the failed ones' }));
    expect(await screen.findByText(/10 created, 0 skipped, 0 failed\./, {}, { timeout: 5000 })).toBeTruthy();
    expect(runTasksPerItem(portal).size).toBe(10);
  });

  it('carries the exact number on the button, and confirms how many, for whom and until when before anything is created', async () => {
    const portal = miniPortal(60);
    portal.tasks.push({
      id: '1',
      title: 'Existing',
      status: '3',
      createdBy: '2',
      description: '',
      ufCrmTask: ['Tb7_5'],
    });
    portal.tasks.push({
      id: '2',
      title: 'Existing',
      status: '3',
      createdBy: '2',
      description: '',
      ufCrmTask: ['Tb7_6'],
    });
    const { boundary } = renderBulk(portal);
    expect(await screen.findByText('58 of them have no open linked task.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Deadline'), { target: { value: '12/04/2026, 06:00 PM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create 58 tasks' }));

    const confirm = await screen.findByRole('alertdialog', { name: 'Create 58 linked tasks?' });
    expect(within(confirm).getByText('each item’s responsible (you, where an item has none)')).toBeTruthy();
    expect(within(confirm).getByText('Dec 4, 2026, 6:00 PM')).toBeTruthy();
    expect(within(confirm).getByText('{title}: follow up')).toBeTruthy();
    expect(boundary.roundTrips.some((trip) => trip.methods.includes('tasks.task.add'))).toBe(false);

    fireEvent.click(within(confirm).getByRole('button', { name: 'Back' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(boundary.roundTrips.some((trip) => trip.methods.includes('tasks.task.add'))).toBe(false);

    await startRun('Create 58 tasks');
    expect(await screen.findByText(/58 created, 2 skipped, 0 failed\./, {}, { timeout: 5000 })).toBeTruthy();
  });

  it('names the person every task goes to in the confirmation, and says so when "One person" has nobody chosen', async () => {
    const { boundary } = renderBulk(miniPortal(3));
    await screen.findByText('3 of them have no open linked task.');
    fireEvent.click(screen.getByRole('radio', { name: 'One person:' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create 3 tasks' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choose the person who gets the tasks.');
    expect(screen.queryByRole('alertdialog')).toBeNull();

    boundary.answerNextPicker([{ id: 7, name: 'Lena Koch', photoUrl: null, position: '' }]);
    // Each "Choose…" says what it chooses.
    expect(screen.getByRole('button', { name: 'Choose the responsible for the items' }).textContent).toBe('Choose…');
    fireEvent.click(screen.getByRole('button', { name: 'Choose the person who gets the tasks' }));
    await screen.findByText('Lena Koch');
    expect(screen.queryByText('Choose the person who gets the tasks.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Create 3 tasks' }));
    const confirm = await screen.findByRole('alertdialog');
    expect(within(confirm).getByText('Lena Koch')).toBeTruthy();
  });

  it('writes counts as the portal language does, and enters the deadline in its format', async () => {
    renderBulk(miniPortal(1240), undefined, { bitrixLanguage: 'de' });
    expect(await screen.findByText('1.240 Elemente entsprechen dem Filter.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bis zu 1.240 Aufgaben erstellen' })).toBeTruthy();
    const deadline = screen.getByLabelText('Frist') as HTMLInputElement;
    expect(deadline.type).toBe('text');
    expect(deadline.value).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    cleanup();

    renderBulk(miniPortal(1240), undefined, { bitrixLanguage: 'ru' });
    expect(await screen.findByText('Подходят 1 240 элементов.')).toBeTruthy();
  });

  it('points to the item card tab by its real title when links to tasks are off', async () => {
    const portal = miniPortal(3);
    renderBulk(portal, (fake) =>
      fake.setHandler('crm.type.getByEntityTypeId', () => ({
        type: {
          id: 3,
          title: 'Service Requests',
          entityTypeId: 183,
          isUseInUserfieldEnabled: 'N' as const,
          linkedUserFields: {},
        },
      })),
    );
    expect(await screen.findByText(/Turn links on in the “Tasks” tab of an item card first\./)).toBeTruthy();
  });
});

describe('the bulk panel, applying a stage playbook', () => {
  /** Three templates for stage "New" of funnel 11: call (2 checklist lines), visit, offer (3 lines). */
  function withPlaybook(portal: MiniPortal): MiniPortal {
    const template = (key: string, checklist: string[]) => ({
      key,
      title: `${key} {title}`,
      description: 'For {stage}',
      responsible: { kind: 'item-responsible' },
      participantIds: [],
      observerIds: [],
      deadline: { unit: 'working-days', amount: 2, timeOfDay: '18:00' },
      priority: 'high',
      checklist,
    });
    portal.playbook = JSON.stringify({
      schema: 1,
      entityTypeId: 183,
      revision: 2,
      savedAt: '2026-11-30T10:00:00+03:00',
      savedBy: 1,
      stages: [
        {
          stageId: 'DT183_11:NEW',
          templates: [
            template('call', ['Dial', 'Log']),
            template('visit', []),
            template('offer', ['Draft', 'Send', 'Chase']),
          ],
        },
      ],
    });
    return portal;
  }

  function chooseStageNew() {
    fireEvent.click(screen.getByRole('radio', { name: 'The tasks of the stage’s playbook it is missing' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Stage' }), { target: { value: 'DT183_11:NEW' } });
  }

  it('says how many items and missing tasks, confirms, and gives each item only the templates it is missing', async () => {
    const portal = withPlaybook(miniPortal(60));
    // Request 1 has its "call" (completed) already; request 3 has all three.
    const existing = (id: string, code: string, key: string, status = '2') =>
      portal.tasks.push({
        id,
        title: key,
        status,
        createdBy: '2',
        description: '',
        ufCrmTask: [code],
        xmlId: `smart-tasks:template:${key}`,
      });
    existing('1', 'Tb7_1', 'call', '5');
    for (const [index, key] of ['call', 'visit', 'offer'].entries()) existing(String(10 + index), 'Tb7_3', key);
    const { boundary } = renderBulk(portal);
    await screen.findByText('60 items match.');
    chooseStageNew();
    // 30 items in "New": 29 need something, 30 × 3 − 1 − 3 tasks.
    expect(await screen.findByText('29 items, 86 missing tasks.')).toBeTruthy();
    const playbook = screen.getByTestId('bulk-playbook');
    expect(
      within(playbook)
        .getAllByRole('listitem')
        .map((line) => line.textContent),
    ).toEqual(['call {title} · checklist of 2 items', 'visit {title}', 'offer {title} · checklist of 3 items']);
    // The single template's fields are not part of this run.
    expect(screen.queryByRole('textbox', { name: 'Title' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Create 86 missing tasks' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Create 86 missing tasks for 29 items?' });
    expect(boundary.roundTrips.some((trip) => trip.methods.includes('tasks.task.add'))).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Create 86 missing tasks' }));

    const report = await screen.findByTestId('bulk-report', {}, { timeout: 8000 });
    expect(within(report).getByText(/86 tasks created for 29 items; 1 had every task; 0 failed\./)).toBeTruthy();
    const perSlot = new Map<string, number>();
    for (const task of portal.tasks)
      for (const code of task.ufCrmTask)
        perSlot.set(`${code} ${task.xmlId}`, (perSlot.get(`${code} ${task.xmlId}`) ?? 0) + 1);
    expect(perSlot.size).toBe(90);
    expect([...perSlot.values()].every((count) => count === 1)).toBe(true);
    const offer = portal.tasks.find(
      (task) => task.ufCrmTask[0] === 'Tb7_5' && task.xmlId === 'smart-tasks:template:offer',
    )!;
    expect(offer.title).toBe('offer Request 5');
    expect(portal.checklists.get(offer.id)).toEqual(['Draft', 'Send', 'Chase']);
    // No request over the portal's 50 commands.
    const creates = boundary.roundTrips.filter((trip) => trip.methods.includes('tasks.task.add'));
    expect(Math.max(...creates.map((trip) => trip.methods.length))).toBeLessThanOrEqual(50);
    expect(within(report).getByRole('button', { name: 'Open the task “visit Request 1”' })).toBeTruthy();
  });

  it('says which checklist lines the portal refused, and makes their tasks once all the same', async () => {
    const portal = withPlaybook(miniPortal(10));
    const { boundary } = renderBulk(portal);
    const add = handlers(portal)['task.checklistitem.add']!;
    boundary.setHandler('task.checklistitem.add', (params) => {
      if (params.FIELDS.TITLE === 'Send')
        throw new BitrixError({ kind: 'validation', code: 'ERROR_CORE', status: 400, portalDescription: 'No' });
      return add(params);
    });
    await screen.findByText('10 items match.');
    chooseStageNew();
    fireEvent.click(await screen.findByRole('button', { name: 'Create 15 missing tasks' }));
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Create 15 missing tasks' }),
    );
    const report = await screen.findByTestId('bulk-report', {}, { timeout: 8000 });
    expect(within(report).getByText(/15 tasks created for 5 items/)).toBeTruthy();
    expect(
      within(report).getByText(
        'Bitrix24 refused 5 checklist lines. Their tasks were created: open them to add the lines.',
      ),
    ).toBeTruthy();
    expect(portal.tasks).toHaveLength(15);
  });

  it('sends again the checklist lines the portal refused for its limit, once the wait is over', async () => {
    const portal = withPlaybook(miniPortal(4));
    const { boundary } = renderBulk(portal);
    const add = handlers(portal)['task.checklistitem.add']!;
    let refusals = 2;
    boundary.setHandler('task.checklistitem.add', (params) => {
      if (params.FIELDS.TITLE === 'Send' && refusals-- > 0)
        throw new BitrixError({ kind: 'rate-limit', code: 'QUERY_LIMIT_EXCEEDED', status: 503 });
      return add(params);
    });
    await screen.findByText('4 items match.');
    chooseStageNew();
    fireEvent.click(await screen.findByRole('button', { name: 'Create 6 missing tasks' }));
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Create 6 missing tasks' }),
    );
    const report = await screen.findByTestId('bulk-report', {}, { timeout: 8000 });
    expect(within(report).queryByText(/checklist line/)).toBeNull();
    // Both refusals happened (the lines were sent again after them).
    expect(refusals).toBeLessThan(0);
    const offers = portal.tasks.filter((task) => task.xmlId === 'smart-tasks:template:offer');
    expect(offers.map((task) => [...(portal.checklists.get(task.id) ?? [])].sort())).toEqual([
      ['Chase', 'Draft', 'Send'],
      ['Chase', 'Draft', 'Send'],
    ]);
  }, 15_000);

  it('over 500 items, counts the missing tasks only when asked, and offers to apply the playbook to every item meanwhile', async () => {
    const portal = withPlaybook(miniPortal(1240));
    renderBulk(portal);
    await screen.findByText('1,240 items match.');
    chooseStageNew();
    expect(await screen.findByText('620 items match.')).toBeTruthy();
    expect(screen.getByText(/Each item gets only the tasks it is missing/)).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Apply the playbook to 620 items' }));
    expect(await screen.findByRole('alertdialog', { name: 'Apply the playbook to 620 items?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Count the missing tasks' }));
    expect(await screen.findByText('620 items, 1,860 missing tasks.', {}, { timeout: 5000 })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Create 1,860 missing tasks' })).toBeTruthy();
  });

  it('counts items and missing tasks in the portal’s language', async () => {
    const portal = withPlaybook(miniPortal(60));
    renderBulk(portal, undefined, { bitrixLanguage: 'ru' });
    await screen.findByText('Подходят 60 элементов.');
    fireEvent.click(screen.getByRole('radio', { name: 'Недостающие задачи из плейбука стадии' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Стадия' }), { target: { value: 'DT183_11:NEW' } });
    expect(await screen.findByText('30 элементов, 90 недостающих задач.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Создать 90 недостающих задач' })).toBeTruthy();
    cleanup();

    renderBulk(portal, undefined, { bitrixLanguage: 'de' });
    await screen.findByText('60 Elemente entsprechen dem Filter.');
    fireEvent.click(screen.getByRole('radio', { name: 'Die fehlenden Aufgaben aus dem Playbook der Phase' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Phase' }), { target: { value: 'DT183_11:NEW' } });
    expect(await screen.findByText('30 Elemente, 90 fehlende Aufgaben.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: '90 fehlende Aufgaben erstellen' })).toBeTruthy();
  });

  it('with no stage chosen, its start button asks for a stage and never calls items missing tasks, in every language', async () => {
    const portal = withPlaybook(miniPortal(53));
    const cases = [
      {
        language: 'en',
        matched: '53 items match.',
        mode: 'The tasks of the stage’s playbook it is missing',
        button: 'Choose a stage first',
      },
      {
        language: 'ru',
        matched: 'Подходят 53 элемента.',
        mode: 'Недостающие задачи из плейбука стадии',
        button: 'Сначала выберите стадию',
      },
      {
        language: 'de',
        matched: '53 Elemente entsprechen dem Filter.',
        mode: 'Die fehlenden Aufgaben aus dem Playbook der Phase',
        button: 'Zuerst eine Phase wählen',
      },
    ];
    for (const { language, matched, mode, button } of cases) {
      renderBulk(portal, undefined, { bitrixLanguage: language });
      await screen.findByText(matched);
      fireEvent.click(screen.getByRole('radio', { name: mode }));
      const start = await screen.findByRole('button', { name: button });
      expect((start as HTMLButtonElement).disabled).toBe(true);
      expect(screen.queryByRole('button', { name: /53/ })).toBeNull();
      cleanup();
    }
  });

  it('says so when the stage has no playbook, or the stored one is from a newer app version', async () => {
    const portal = withPlaybook(miniPortal(4));
    renderBulk(portal);
    await screen.findByText('4 items match.');
    fireEvent.click(screen.getByRole('radio', { name: 'The tasks of the stage’s playbook it is missing' }));
    expect(screen.getByText('Choose a funnel and a stage: a playbook belongs to a stage.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Stage' }), { target: { value: 'DT183_11:PREPARATION' } });
    expect(await screen.findByText(/No playbook is set up for “In progress”/)).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: /Apply the playbook|missing task|Counting/ }) as HTMLButtonElement).disabled,
    ).toBe(true);
    cleanup();

    portal.playbook = JSON.stringify({ schema: 99, anything: true });
    renderBulk(portal);
    await screen.findByText('4 items match.');
    chooseStageNew();
    expect(await screen.findByText(/saved by a newer version of Smart Tasks/)).toBeTruthy();
  });
});

describe('the bulk panel’s earlier run', () => {
  it('is not recalled once every task it made was deleted', async () => {
    const portal = miniPortal(10);
    renderBulk(portal);
    await screen.findByText('10 items match.');
    await startRun('Create 10 tasks');
    expect(await screen.findByText(/10 created, 0 skipped, 0 failed\./, {}, { timeout: 5000 })).toBeTruthy();
    cleanup();
    renderBulk(portal);
    expect(await screen.findByText(/^Last run on /)).toBeTruthy();
    cleanup();

    // Someone deletes the run's tasks in Bitrix24.
    portal.tasks = [];
    renderBulk(portal);
    await screen.findByRole('button', { name: 'Create 10 tasks' });
    await waitFor(() => expect(screen.queryByText(/^Last run on /)).toBeNull());
  });
});
