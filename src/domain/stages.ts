/** The stage bar of an item's funnel: stages in order, the current one, success and failure apart. */

export type StageSemantics = 'process' | 'success' | 'failure';

export interface Stage {
  /** e.g. DT177_7:NEW */
  id: string;
  name: string;
  /** CSS colour from the portal, validated; null when missing or not a colour. */
  color: string | null;
  semantics: StageSemantics;
  sort: number;
}

export type StageStepState = 'passed' | 'current' | 'upcoming';

export interface StageStep {
  stage: Stage;
  state: StageStepState;
}

export interface StageBar {
  /** In-progress stages, then the success stage: the path an item walks. */
  steps: StageStep[];
  /** Failure stages, shown apart from the path. */
  failures: StageStep[];
  current: Stage | null;
  outcome: 'in-progress' | 'success' | 'failure';
}

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Portal colours are untrusted text: only #rgb / #rrggbb passes into a style. */
export function safeColor(color: string | null | undefined): string | null {
  const value = color?.trim() ?? '';
  return HEX_COLOUR.test(value) ? value : null;
}

export function semanticsFromCode(code: string | null | undefined): StageSemantics {
  if (code === 'S') return 'success';
  if (code === 'F') return 'failure';
  return 'process';
}

export function buildStageBar(stages: readonly Stage[], currentStageId: string | null | undefined): StageBar {
  const sorted = [...stages].sort((a, b) => a.sort - b.sort || a.id.localeCompare(b.id));
  const path = [
    ...sorted.filter((stage) => stage.semantics === 'process'),
    ...sorted.filter((stage) => stage.semantics === 'success'),
  ];
  const failureStages = sorted.filter((stage) => stage.semantics === 'failure');
  const current = sorted.find((stage) => stage.id === currentStageId) ?? null;
  const outcome =
    current?.semantics === 'success' ? 'success' : current?.semantics === 'failure' ? 'failure' : 'in-progress';
  const currentIndex = current ? path.indexOf(current) : -1;

  const steps = path.map((stage, index): StageStep => {
    if (outcome === 'failure') {
      // A failed item walked the in-progress stages; it never reached success.
      return { stage, state: stage.semantics === 'process' ? 'passed' : 'upcoming' };
    }
    if (index === currentIndex) return { stage, state: 'current' };
    return { stage, state: currentIndex >= 0 && index < currentIndex ? 'passed' : 'upcoming' };
  });
  const failures = failureStages.map((stage): StageStep => ({
    stage,
    state: stage === current ? 'current' : 'upcoming',
  }));
  return { steps, failures, current, outcome };
}
