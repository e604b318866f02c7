import { describe, expect, it } from 'vitest';
import { defaultTaskDraft, requestKeyIn, taskAddFields, validateDraft, type TaskDraft } from './task-draft';

/** The tags a BBCode reader (the portal's task card) would act on, in order. */
function readerTags(bbcode: string): string[] {
  return [...bbcode.matchAll(/\[\/?(?:URL|B|I|U|S|LIST|QUOTE|CODE|IMG|COLOR|SIZE|USER|\*)(?:=[^\]]*)?\]/gi)].map(
    (match) => match[0],
  );
}

const source = {
  smartProcessTitle: 'Equipment Purchase',
  itemTitle: 'Washing Machine',
  itemId: 29,
  itemResponsibleId: 3,
  currentUserId: 1,
  now: new Date(2025, 0, 16, 10),
  descriptionIntro: 'Created from the CRM item',
};

describe('defaultTaskDraft', () => {
  it('needs no typing: title from the item, the item’s responsible, a deadline three working days ahead', () => {
    const draft = defaultTaskDraft(source);
    expect(draft.title).toBe('Equipment Purchase: Washing Machine');
    expect(draft.responsibleId).toBe(3);
    expect(draft.deadline?.getDate()).toBe(21);
    expect(draft.priority).toBe('medium');
  });

  it('falls back to the current user when the item has no responsible, and to the id when it has no title', () => {
    const draft = defaultTaskDraft({ ...source, itemResponsibleId: null, itemTitle: '  ' });
    expect(draft.responsibleId).toBe(1);
    expect(draft.title).toBe('Equipment Purchase: #29');
  });
});

describe('validateDraft', () => {
  const draft: TaskDraft = {
    title: 'A',
    description: '',
    responsibleId: 1,
    participantIds: [],
    deadline: null,
    priority: 'high',
  };

  it('accepts a complete draft', () => {
    expect(validateDraft(draft, new Date())).toEqual({});
  });

  it('names each field that must be fixed', () => {
    const problems = validateDraft(
      { ...draft, title: '   ', responsibleId: 0, deadline: new Date(2000, 0, 1) },
      new Date(),
    );
    expect(problems).toEqual({
      title: 'title-missing',
      responsible: 'responsible-missing',
      deadline: 'deadline-in-past',
    });
    expect(validateDraft({ ...draft, title: 'x'.repeat(300) }, new Date()).title).toBe('title-too-long');
  });
});

describe('taskAddFields: a playbook template’s BBCode description', () => {
  const link = {
    linkCode: 'Tb1_29',
    itemUrl: 'https://acme.bitrix24.com/crm/type/177/details/29/',
    itemLabel: 'Washing Machine',
    requestKey: 'a1b2c3d4-e5f6',
  };
  const draft = (description: string): TaskDraft => ({
    title: 'T',
    description,
    descriptionBbcode: true,
    responsibleId: 1,
    participantIds: [],
    deadline: null,
    priority: 'medium',
  });

  it('sends the admin’s tags as tags, portal values escaped by the render stay inert, the back link last', () => {
    const fields = taskAddFields(draft('[b]Stage[/b] for [\u2060URL=x]y[\u2060/URL] [i]now[/i]'), link);
    expect(readerTags(fields.DESCRIPTION ?? '')).toEqual([
      '[b]',
      '[/b]',
      '[i]',
      '[/i]',
      '[URL=https://acme.bitrix24.com/crm/type/177/details/29/?smart_tasks_request=a1b2c3d4-e5f6]',
      '[/URL]',
    ]);
    expect(requestKeyIn(fields.DESCRIPTION)).toBe('a1b2c3d4-e5f6');
  });

  it('an admin’s own link, closed or left open at the end of the template, never poses as the back link', () => {
    const posing = 'https://acme.bitrix24.com/crm/?smart_tasks_request=ffffffff-0000';
    for (const text of [`Read [URL=${posing}]this[/URL]`, `Read [URL=${posing}]this`, `Read [url]${posing}`]) {
      expect(requestKeyIn(taskAddFields(draft(text), link).DESCRIPTION)).toBe('a1b2c3d4-e5f6');
    }
  });

  it('a free-form description a user typed stays fully escaped', () => {
    const fields = taskAddFields({ ...draft('[b]Stage[/b]'), descriptionBbcode: undefined }, link);
    expect(readerTags(fields.DESCRIPTION ?? '')).toEqual([
      '[URL=https://acme.bitrix24.com/crm/type/177/details/29/?smart_tasks_request=a1b2c3d4-e5f6]',
      '[/URL]',
    ]);
  });
});

describe('taskAddFields', () => {
  const link = {
    linkCode: 'Tb1_29',
    itemUrl: 'https://acme.bitrix24.com/crm/type/177/details/29/',
    itemLabel: 'Washing [Machine]',
    requestKey: 'a1b2c3d4-e5f6',
  };

  it('links the task to the item and carries the request key in the link back to it', () => {
    const fields = taskAddFields(
      {
        title: ' Check ',
        description: 'Please check',
        responsibleId: 3,
        participantIds: [3, 5, 5],
        deadline: new Date(2025, 0, 21, 18),
        priority: 'high',
      },
      link,
    );
    expect(fields.TITLE).toBe('Check');
    expect(fields.UF_CRM_TASK).toEqual(['Tb1_29']);
    expect(fields.RESPONSIBLE_ID).toBe(3);
    expect(fields.ACCOMPLICES).toEqual([5]);
    expect(fields.PRIORITY).toBe(2);
    expect(fields.DEADLINE).toMatch(/^2025-01-21T18:00:00/);
    expect(fields.DESCRIPTION).toContain('Please check');
    expect(fields.DESCRIPTION).toContain(
      '[URL=https://acme.bitrix24.com/crm/type/177/details/29/?smart_tasks_request=a1b2c3d4-e5f6]Washing [\u2060Machine][/URL]',
    );
    expect(requestKeyIn(fields.DESCRIPTION)).toBe('a1b2c3d4-e5f6');
  });

  it('writes the deadline in the portal’s own offset', () => {
    const fields = taskAddFields(
      {
        title: 'T',
        description: '',
        responsibleId: 1,
        participantIds: [],
        deadline: new Date('2030-03-14T06:30:00Z'),
        priority: 'low',
      },
      { ...link, portalUtcOffsetMinutes: 180 },
    );
    expect(fields.DEADLINE).toBe('2030-03-14T09:30:00+03:00');
  });

  it('omits what the user left empty', () => {
    const fields = taskAddFields(
      { title: 'T', description: '', responsibleId: 1, participantIds: [], deadline: null, priority: 'low' },
      link,
    );
    expect(fields).not.toHaveProperty('DEADLINE');
    expect(fields).not.toHaveProperty('ACCOMPLICES');
    expect(fields.PRIORITY).toBe(0);
  });

  it('escapes portal text in the description: an item title cannot add a link or bold the rest', () => {
    const hostile = '[URL=https://evil.example/pay]Pay invoice[/URL] [B]';
    const fields = taskAddFields(
      {
        title: 'T',
        description: `Task for Equipment Purchase “${hostile}”.`,
        responsibleId: 1,
        participantIds: [],
        deadline: null,
        priority: 'low',
      },
      { ...link, itemLabel: hostile },
    );
    // What a BBCode reader sees: exactly one tag pair, the app's own link back to the item.
    expect(readerTags(fields.DESCRIPTION!)).toEqual([
      '[URL=https://acme.bitrix24.com/crm/type/177/details/29/?smart_tasks_request=a1b2c3d4-e5f6]',
      '[/URL]',
    ]);
    expect(fields.DESCRIPTION).not.toMatch(/https?:\/\/evil/);
    expect(fields.DESCRIPTION!.replace(/\u2060/g, '')).toContain(`“${hostile}”.`);
    expect(requestKeyIn(fields.DESCRIPTION)).toBe('a1b2c3d4-e5f6');
  });

  it('reads the key only from the link the app put at the end, never from portal text before it', () => {
    const posing =
      'Washing Machine ?smart_tasks_request=ffffffff-0000 [URL=https://evil.example/?smart_tasks_request=eeeeeeee-1111]x[/URL]';
    const fields = taskAddFields(
      { title: 'T', description: posing, responsibleId: 1, participantIds: [], deadline: null, priority: 'low' },
      { ...link, itemLabel: posing },
    );
    expect(requestKeyIn(fields.DESCRIPTION)).toBe('a1b2c3d4-e5f6');
    // A description whose last line is not the app's link carries no key, whatever it quotes.
    expect(requestKeyIn(`${fields.DESCRIPTION}\nedited by a user later`)).toBeNull();
    expect(
      requestKeyIn('Pasted: https://acme.bitrix24.com/crm/type/177/details/29/?smart_tasks_request=a1b2c3d4-e5f6'),
    ).toBeNull();
  });

  it('finds no key in descriptions written by people', () => {
    expect(requestKeyIn('see https://example.com/?a=1')).toBeNull();
    expect(requestKeyIn(undefined)).toBeNull();
  });
});
