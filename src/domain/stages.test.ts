import { describe, expect, it } from 'vitest';
import { buildStageBar, safeColor, type Stage } from './stages';

const stages: Stage[] = [
  { id: 'DT177_7:FAIL', name: 'Failure', color: '#ff0000', semantics: 'failure', sort: 50 },
  { id: 'DT177_7:NEW', name: 'Start', color: '#22B9FF', semantics: 'process', sort: 10 },
  { id: 'DT177_7:SUCCESS', name: 'Success', color: '#00ff00', semantics: 'success', sort: 40 },
  { id: 'DT177_7:PREPARATION', name: 'Preparation', color: '#88B9FF', semantics: 'process', sort: 20 },
];

describe('buildStageBar', () => {
  it('orders the path by sort, success last, failures apart, and marks the current stage', () => {
    const bar = buildStageBar(stages, 'DT177_7:PREPARATION');
    expect(bar.steps.map((step) => `${step.stage.name}:${step.state}`)).toEqual([
      'Start:passed',
      'Preparation:current',
      'Success:upcoming',
    ]);
    expect(bar.failures.map((step) => step.stage.name)).toEqual(['Failure']);
    expect(bar.outcome).toBe('in-progress');
  });

  it('tells success from failure', () => {
    expect(buildStageBar(stages, 'DT177_7:SUCCESS').outcome).toBe('success');
    const failed = buildStageBar(stages, 'DT177_7:FAIL');
    expect(failed.outcome).toBe('failure');
    expect(failed.failures[0]?.state).toBe('current');
    expect(failed.steps.find((step) => step.stage.semantics === 'success')?.state).toBe('upcoming');
  });

  it('copes with a stage that is not in the funnel', () => {
    const bar = buildStageBar(stages, 'DT177_9:NEW');
    expect(bar.current).toBeNull();
    expect(bar.steps.every((step) => step.state === 'upcoming')).toBe(true);
  });

  it('lets only real colours into styles', () => {
    expect(safeColor('#22B9FF')).toBe('#22B9FF');
    expect(safeColor('red;background:url(x)')).toBeNull();
    expect(safeColor(null)).toBeNull();
  });
});
