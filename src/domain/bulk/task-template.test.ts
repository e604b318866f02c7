import { describe, expect, it } from 'vitest';
import {
  draftTask,
  MAX_TITLE_LENGTH,
  renderTemplateText,
  templateProblems,
  type TaskTemplate,
  type TemplateItem,
} from './task-template';

const item: TemplateItem = {
  id: 29,
  title: 'Washing Machine',
  stageName: 'Approval',
  responsibleId: 4,
  responsibleName: 'Anna Petrova',
};
const template: TaskTemplate = {
  title: '{title}: call the supplier',
  description: 'Item #{id} is at {stage}; {responsible} owns it.',
  responsible: { kind: 'item' },
  deadline: null,
};
const context = { currentUserId: 1, markerLine: 'Run smart-tasks-run-0011223344556677' };

describe('task template', () => {
  it('fills every placeholder from the item', () => {
    expect(renderTemplateText(template.description, item)).toBe('Item #29 is at Approval; Anna Petrova owns it.');
    expect(draftTask(template, item, context)).toEqual({
      itemId: 29,
      itemTitle: 'Washing Machine',
      title: 'Washing Machine: call the supplier',
      description: 'Item #29 is at Approval; Anna Petrova owns it.\n\nRun smart-tasks-run-0011223344556677',
      responsibleId: 4,
      deadline: null,
    });
  });

  it('names unknown placeholders and an empty title before anything runs', () => {
    expect(templateProblems({ ...template, title: '  ', description: '{titel} {stage} {owner}' })).toEqual([
      { field: 'description', kind: 'unknown-placeholder', name: 'titel' },
      { field: 'description', kind: 'unknown-placeholder', name: 'owner' },
      { field: 'title', kind: 'empty' },
    ]);
    expect(templateProblems({ ...template, deadline: 'next friday' })).toEqual([
      { field: 'deadline', kind: 'invalid-date' },
    ]);
    expect(templateProblems(template)).toEqual([]);
  });

  it('keeps item text as text, even when it looks like a placeholder or markup', () => {
    const tricky = { ...item, title: '{id} <b>bold</b>' };
    expect(draftTask({ ...template, title: '{title}' }, tricky, context).title).toBe('{id} <b>bold</b>');
  });

  it('gives an item without a title a recognisable task title, and cuts long titles', () => {
    expect(draftTask({ ...template, title: '{title}' }, { ...item, title: '' }, context).title).toBe('#29');
    const long = draftTask({ ...template, title: '{title}' }, { ...item, title: 'x'.repeat(400) }, context).title;
    expect(long).toHaveLength(MAX_TITLE_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });

  it('falls back to the user running it when the item has no responsible', () => {
    expect(draftTask(template, { ...item, responsibleId: null }, context).responsibleId).toBe(1);
    expect(draftTask({ ...template, responsible: { kind: 'user', userId: 7 } }, item, context).responsibleId).toBe(7);
  });
});
