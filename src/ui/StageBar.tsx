import type { CSSProperties } from 'react';
import type { StageBar as StageBarModel, StageStep } from '../domain/stages';
import { commonMessages, useMessages } from '../i18n';

function Step({ step, labels }: { step: StageStep; labels: (typeof commonMessages)['en'] }) {
  const { stage, state } = step;
  const style = stage.color ? ({ '--st-stage-color': stage.color } as CSSProperties) : undefined;
  const kind =
    stage.semantics === 'success' ? labels.stageSuccess : stage.semantics === 'failure' ? labels.stageFailure : null;
  const stateText = state === 'current' ? labels.stageCurrent : state === 'passed' ? labels.stagePassed : null;
  return (
    <li
      className={`st-stage-bar__step st-stage-bar__step--${state} st-stage-bar__step--${stage.semantics}`}
      style={style}
      aria-current={state === 'current' ? 'step' : undefined}
      title={stage.name}
    >
      <div className="st-stage-bar__segment" aria-hidden="true" />
      <span className="st-stage-bar__label">
        {stage.name}
        {(kind || stateText) && (
          <span className="st-visually-hidden">{` (${[kind, stateText].filter(Boolean).join(', ')})`}</span>
        )}
      </span>
    </li>
  );
}

/** The funnel's stages in order, the current one marked; success and failure stages told apart. */
export function StageBar({ bar }: { bar: StageBarModel }) {
  const labels = useMessages(commonMessages);
  return (
    <ol
      className={`st-stage-bar st-stage-bar--${bar.outcome}`}
      aria-label={labels.stageBarLabel}
      data-outcome={bar.outcome}
    >
      {bar.steps.map((step) => (
        <Step key={step.stage.id} step={step} labels={labels} />
      ))}
      {bar.failures.length > 0 && <li className="st-stage-bar__divider" aria-hidden="true" />}
      {bar.failures.map((step) => (
        <Step key={step.stage.id} step={step} labels={labels} />
      ))}
    </ol>
  );
}
