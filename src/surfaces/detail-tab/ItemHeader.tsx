import { shortenText } from '../../domain/text';
import { commonMessages, useMessages } from '../../i18n';
import type { User } from '../../queries/users';
import { Badge, Person, type RetryProps } from '../../ui';
import type { DetailTabData } from './load-detail-tab';
import { detailTabMessages } from './messages';
import { PartFailed } from './PartFailed';

/**
 * What the tab adds to the card above it: the item's funnel and responsible person. The card
 * already shows the item's title and its stage bar, so the tab does not draw them again (the
 * title stays as the frame's heading for screen readers only). A funnel or stage list that could
 * not be read says so in its place (with "Try again" when it can help).
 */
/** Characters of the item's title in the hidden heading (a title can be thousands long). */
const HEADING_LENGTH = 200;

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
  const { item, smartProcess, categories, problems } = data;
  const funnel = categories?.find((category) => category.id === item.categoryId) ?? null;

  return (
    <header className="dt-header">
      {/* The frame's own heading, for screen readers: the card shows the title above the tab. */}
      <h1 className="st-visually-hidden">
        {smartProcess.title}: {shortenText(item.title || common.number(item.id), HEADING_LENGTH)}{' '}
        {common.number(item.id)}
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
    </header>
  );
}
