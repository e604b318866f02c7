import { useMemo } from 'react';
import { buildStageBar } from '../../domain/stages';
import { commonMessages, useMessages } from '../../i18n';
import type { User } from '../../queries/users';
import { Badge, Person, StageBar, StagePill, type RetryProps } from '../../ui';
import type { DetailTabData } from './load-detail-tab';
import { detailTabMessages } from './messages';
import { PartFailed } from './PartFailed';

/**
 * Title, number, funnel, stage (pill and bar) and responsible person of the item. A funnel or
 * stage list that could not be read says so in its place (with "Try again" when it can help).
 */
export function ItemHeader({
  data,
  responsible,
  retry,
}: {
  data: DetailTabData;
  responsible: User | null;
  retry: RetryProps;
}) {
  const text = useMessages(detailTabMessages);
  const common = useMessages(commonMessages);
  const { item, smartProcess, categories, stages, problems } = data;
  const bar = useMemo(
    () => (stages && stages.length > 0 ? buildStageBar(stages, item.stageId) : null),
    [stages, item.stageId],
  );
  const funnel = categories?.find((category) => category.id === item.categoryId) ?? null;

  return (
    <header className="st-panel dt-header">
      <div className="st-muted">{smartProcess.title}</div>
      <h1 className="dt-header__title">
        {/* Clamped to three lines (a title can be thousands of characters); the full one on hover. */}
        <span className="st-clamp dt-header__name" title={item.title || undefined}>
          {item.title || common.number(item.id)}
        </span>
        <span className="dt-header__id">{common.number(item.id)}</span>
      </h1>
      <dl className="st-facts dt-header__facts">
        {funnel && (categories?.length ?? 0) > 0 && (
          <div>
            <dt>{text.funnel}</dt>
            <dd>{funnel.name}</dd>
          </div>
        )}
        {problems.categories && (
          <div>
            <dt>{text.funnel}</dt>
            <dd>
              <PartFailed message={text.funnelFailed} error={problems.categories} retry={retry} />
            </dd>
          </div>
        )}
        {problems.stages && (
          <div>
            <dt>{text.stage}</dt>
            <dd>
              <PartFailed message={text.stagesFailed} error={problems.stages} retry={retry} />
            </dd>
          </div>
        )}
        {bar?.current && (
          <div>
            <dt>{text.stage}</dt>
            <dd>
              <StagePill name={bar.current.name} color={bar.current.color} />
              {bar.outcome === 'success' && <Badge tone="success">{text.outcomeSuccess}</Badge>}
              {bar.outcome === 'failure' && <Badge tone="alert">{text.outcomeFailure}</Badge>}
            </dd>
          </div>
        )}
        <div>
          <dt>{text.responsible}</dt>
          <dd>
            {responsible ? (
              <Person name={responsible.name} photoUrl={responsible.photoUrl} />
            ) : (
              <span className="st-muted">{text.nobody}</span>
            )}
            {responsible?.active === false && (
              <Badge tone="warning" title={text.inactiveResponsibleHint}>
                {text.inactiveUser}
              </Badge>
            )}
          </dd>
        </div>
      </dl>
      {bar && <StageBar bar={bar} />}
    </header>
  );
}
