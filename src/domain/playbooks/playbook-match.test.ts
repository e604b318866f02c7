import { describe, expect, it } from 'vitest';
import { linkedTask, playbookTemplate } from '../../testing/fixtures';
import { sortLinkedTasks } from '../tasks';
import { playbookStatus } from './playbook-match';

const template = (key: string, title = `Template ${key}`) => playbookTemplate(key, { title });
const task = linkedTask;

describe('playbookStatus', () => {
  it('matches by template key only: a task with the template’s title but no key does not count', () => {
    const templates = [template('budget', 'Check budget'), template('contract'), template('approve')];
    const tasks = sortLinkedTasks([
      task(1, { title: 'Check budget' }),
      task(2, { title: 'Renamed by the user', templateKey: 'contract', status: 'in-progress' }),
    ]);
    const status = playbookStatus(templates, tasks);
    expect(status.templates.map((entry) => entry.status)).toEqual(['missing', 'in-progress', 'missing']);
    expect(status.templates[1]!.tasks.map((entry) => entry.id)).toEqual([2]);
    expect(status.missing.map((entry) => entry.key)).toEqual(['budget', 'approve']);
  });

  it('a completed task of the template counts as created; an open one leads when there are several', () => {
    const tasks = sortLinkedTasks([
      task(5, { templateKey: 'budget', status: 'completed', closedAt: new Date('2026-11-01T00:00:00Z') }),
      task(6, { templateKey: 'budget', status: 'pending' }),
    ]);
    const status = playbookStatus([template('budget')], tasks);
    expect(status.missing).toEqual([]);
    expect(status.templates[0]!.status).toBe('pending');
    expect(status.templates[0]!.tasks.map((entry) => entry.id)).toEqual([6, 5]);
  });

  it('tasks of other templates (another stage’s) are ignored; no templates → nothing missing', () => {
    expect(playbookStatus([template('a')], [task(1, { templateKey: 'zzz' })]).missing.map((t) => t.key)).toEqual(['a']);
    expect(playbookStatus([], [task(1, { templateKey: 'a' })])).toEqual({ templates: [], missing: [] });
  });
});
