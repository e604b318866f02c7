import { describe, expect, it } from 'vitest';
import { playbookTemplate } from '../../testing/fixtures';
import { wallClock } from '../time-zone';
import type { PlaybookTemplate } from './playbook';
import {
  deadlineFrom,
  peopleOfTemplates,
  renderPlaybookTemplate,
  type PlaybookPerson,
  type PlaybookRenderContext,
} from './playbook-render';

const template = (overrides: Partial<PlaybookTemplate> = {}): PlaybookTemplate =>
  playbookTemplate('check-budget', { title: 'Check budget of {title}', ...overrides });

const people = new Map<number, PlaybookPerson>([
  [1, { name: 'Olivia Bennett', active: true }],
  [2, { name: 'Maxim Orlov', active: true }],
  [4, { name: 'Daniel Park', active: true }],
  [9, { name: 'Former Employee', active: false }],
]);

// Monday 30 Nov 2026, 10:00 UTC = 19:00 in Vladivostok (+10).
const NOW = new Date('2026-11-30T10:00:00Z');

function context(overrides: Partial<PlaybookRenderContext> = {}): PlaybookRenderContext {
  return {
    item: {
      id: 29,
      title: 'Washing Machine',
      assignedById: 2,
      values: { ufCrm7Inspector: 4, ufCrm7Empty: '', ufCrm7Gone: 9, opportunity: 3400 },
    },
    stageName: 'Approval',
    funnelName: 'General',
    smartProcessTitle: 'Equipment Purchase',
    fieldText: (name) => ({ opportunity: '€3,400.00', ufCrm7Inspector: 'Daniel Park' })[name] ?? null,
    people,
    currentUserId: 1,
    now: NOW,
    timeZone: 'Europe/Berlin',
    ...overrides,
  };
}

describe('renderPlaybookTemplate: placeholders', () => {
  it('fills every placeholder with the item’s values and leaves unknown ones visible', () => {
    const rendered = renderPlaybookTemplate(
      template({
        title: '{smartProcess} #{id} {title} in {stage} ({funnel}) for {responsible}: {field:opportunity}',
        description: 'Inspector {field:ufCrm7Inspector}; {field:noSuchField}; {titel}; { title }',
      }),
      context(),
    );
    expect(rendered.draft.title).toBe(
      'Equipment Purchase #29 Washing Machine in Approval (General) for Maxim Orlov: €3,400.00',
    );
    expect(rendered.draft.description).toBe('Inspector Daniel Park; {field:noSuchField}; {titel}; { title }');
  });

  it('keeps the admin’s BBCode in the description and escapes only the values put in for placeholders', () => {
    const rendered = renderPlaybookTemplate(
      template({
        title: '[b]{title}[/b]',
        description: '[b]Stage[/b] {stage}: see {title}, [i]{field:opportunity}[/i]',
      }),
      context({ item: { ...context().item, title: '[URL=https://evil.example]x[/URL]' } }),
    );
    expect(rendered.draft.descriptionBbcode).toBe(true);
    expect(rendered.draft.description).toBe(
      '[b]Stage[/b] Approval: see [\u2060URL=https:\u2060//evil.example]x[\u2060/URL], [i]€3,400.00[/i]',
    );
    // The title is plain text (Bitrix24 shows it as written): nothing escaped there.
    expect(rendered.draft.title).toBe('[b][URL=https://evil.example]x[/URL][/b]');
  });

  it('shortens a long title to TITLE_MAX_LENGTH between whole characters', () => {
    const rendered = renderPlaybookTemplate(
      template({ title: '{title}' }),
      context({ item: { ...context().item, title: '🚀'.repeat(200) } }),
    );
    expect(rendered.draft.title.length).toBeLessThanOrEqual(250);
    expect(rendered.draft.title.endsWith('…')).toBe(true);
    expect(rendered.draft.title).not.toMatch(/[\uD800-\uDBFF]…$/);
  });

  it('falls back to "<smart process>: <item>" when the title renders empty', () => {
    const rendered = renderPlaybookTemplate(template({ title: '{field:ufCrm7Empty}' }), {
      ...context(),
      fieldText: () => '',
    });
    expect(rendered.draft.title).toBe('Equipment Purchase: Washing Machine');
  });
});

describe('renderPlaybookTemplate: responsible', () => {
  it('follows each rule: item responsible, fixed user, clicking user, user field', () => {
    expect(renderPlaybookTemplate(template(), context()).draft.responsibleId).toBe(2);
    expect(
      renderPlaybookTemplate(template({ responsible: { kind: 'user', userId: 4 } }), context()).draft.responsibleId,
    ).toBe(4);
    expect(
      renderPlaybookTemplate(template({ responsible: { kind: 'clicking-user' } }), context()).draft.responsibleId,
    ).toBe(1);
    expect(
      renderPlaybookTemplate(template({ responsible: { kind: 'item-field', field: 'ufCrm7Inspector' } }), context())
        .draft.responsibleId,
    ).toBe(4);
  });

  it('reports a deactivated, unknown or empty responsible instead of naming someone else', () => {
    const inactive = renderPlaybookTemplate(template({ responsible: { kind: 'user', userId: 9 } }), context());
    expect(inactive.draft.responsibleId).toBe(0);
    expect(inactive.responsibleProblem).toEqual({ kind: 'inactive', userId: 9 });

    const unknown = renderPlaybookTemplate(template({ responsible: { kind: 'user', userId: 77 } }), context());
    expect(unknown.responsibleProblem).toEqual({ kind: 'missing-user', userId: 77 });
    expect(unknown.draft.responsibleId).toBe(0);

    const viaField = renderPlaybookTemplate(
      template({ responsible: { kind: 'item-field', field: 'ufCrm7Gone' } }),
      context(),
    );
    expect(viaField.responsibleProblem).toEqual({ kind: 'inactive', userId: 9 });

    const empty = renderPlaybookTemplate(
      template({ responsible: { kind: 'item-field', field: 'ufCrm7Empty' } }),
      context(),
    );
    expect(empty.responsibleProblem).toEqual({ kind: 'empty-field', field: 'ufCrm7Empty' });

    const noResponsible = renderPlaybookTemplate(
      template(),
      context({ item: { ...context().item, assignedById: null } }),
    );
    expect(noResponsible.responsibleProblem).toEqual({ kind: 'no-item-responsible' });
    expect(noResponsible.draft.responsibleId).toBe(0);
  });

  it('leaves deactivated and unknown participants and observers out, and says who', () => {
    const rendered = renderPlaybookTemplate(
      template({ participantIds: [4, 9, 2], observerIds: [1, 4, 77] }),
      context(),
    );
    // 2 is the responsible; 4 is a participant, so not an observer too.
    expect(rendered.draft.participantIds).toEqual([4]);
    expect(rendered.observerIds).toEqual([1]);
    expect(rendered.peopleLeftOut.sort()).toEqual([77, 9]);
  });
});

describe('deadlineFrom', () => {
  it('counts working days and lands at the time of day in the USER’s zone, not the browser’s', () => {
    // Monday 19:00 in Vladivostok: 2 working days → Wednesday 10:30 Vladivostok.
    const deadline = deadlineFrom(
      { unit: 'working-days', amount: 2, timeOfDay: '10:30' },
      context({ timeZone: 'Asia/Vladivostok' }),
    )!;
    expect(wallClock(deadline.getTime(), 'Asia/Vladivostok')).toMatchObject({
      year: 2026,
      month: 12,
      day: 2,
      hour: 10,
      minute: 30,
    });
    expect(deadline.toISOString()).toBe('2026-12-02T00:30:00.000Z');
  });

  it('skips the weekend', () => {
    // Friday 4 Dec 2026 09:00 Berlin + 1 working day → Monday 7 Dec 17:00 Berlin.
    const deadline = deadlineFrom(
      { unit: 'working-days', amount: 1, timeOfDay: '17:00' },
      context({ now: new Date('2026-12-04T08:00:00Z') }),
    )!;
    expect(deadline.toISOString()).toBe('2026-12-07T16:00:00.000Z');
  });

  it('never makes a task overdue at birth: 0 days at a time already past → the next working day', () => {
    // 10:00 UTC = 11:00 Berlin; 09:00 today has passed.
    const deadline = deadlineFrom({ unit: 'working-days', amount: 0, timeOfDay: '09:00' }, context())!;
    expect(deadline.toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });

  it('counts hours from the PORTAL’s now (the context’s), and null means no deadline', () => {
    expect(deadlineFrom({ unit: 'hours', amount: 4 }, context())!.toISOString()).toBe('2026-11-30T14:00:00.000Z');
    expect(deadlineFrom(null, context())).toBeNull();
    expect(renderPlaybookTemplate(template({ deadline: null }), context()).draft.deadline).toBeNull();
  });
});

describe('renderPlaybookTemplate: the rest', () => {
  it('carries priority and the checklist lines, trimmed, empty ones dropped', () => {
    const rendered = renderPlaybookTemplate(
      template({ priority: 'high', checklist: [' Call supplier ', '', '  ', 'Compare offers'] }),
      context(),
    );
    expect(rendered.draft.priority).toBe('high');
    expect(rendered.checklist).toEqual(['Call supplier', 'Compare offers']);
    expect(rendered.templateKey).toBe('check-budget');
  });

  it('lists the people the templates name, for one lookup', () => {
    expect(
      peopleOfTemplates(
        [
          template({ responsible: { kind: 'user', userId: 7 }, participantIds: [3], observerIds: [5] }),
          template({ responsible: { kind: 'item-field', field: 'ufCrm7Inspector' } }),
        ],
        context().item,
      ),
    ).toEqual([3, 4, 5, 7]);
  });
});
