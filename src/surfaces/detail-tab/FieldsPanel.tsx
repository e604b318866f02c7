import { useId, useState } from 'react';
import type { FieldView } from '../../domain/fields';
import { useErrorText, useFieldLabel, useI18n, useMessages } from '../../i18n';
import type { ReferenceNames } from '../../queries/reference-names';
import type { CrmTypeDirectory } from '../../queries/smart-processes';
import type { BitrixError } from '../../bitrix';
import { Alert, Button, Panel, RetryAlert, type RetryProps } from '../../ui';
import { FieldValueView } from './FieldValueView';
import { detailTabMessages } from './messages';

/**
 * The item's filled fields; empty ones fold under "show all". Fields that could not be read, or
 * status names that could not (codes shown instead), say so, with "Try again" where it can help.
 */
export function FieldsPanel({
  views,
  names,
  directory,
  failure,
  retry,
}: {
  views: FieldView[] | null;
  names: ReferenceNames & { retry: () => void; retrying: boolean };
  directory: CrmTypeDirectory | null;
  /** Why `views` is null: crm.item.fields failed. */
  failure: BitrixError | null;
  retry: RetryProps;
}) {
  const text = useMessages(detailTabMessages);
  // System fields the portal titles with their raw code (CONTACT_IDS) get their names.
  const fieldLabel = useFieldLabel();
  const errorText = useErrorText();
  const { locale } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const listId = useId();

  if (views === null) {
    return (
      <Panel title={text.fieldsTitle}>
        {failure && failure.isTransient ? (
          <RetryAlert tone="warning" title={text.fieldsFailed} size="small" {...retry}>
            {errorText(failure)}
          </RetryAlert>
        ) : (
          <Alert tone="warning" title={text.fieldsFailed}>
            {failure ? errorText(failure) : null}
          </Alert>
        )}
      </Panel>
    );
  }
  const filled = views.filter((view) => !view.isEmpty);
  const emptyCount = views.length - filled.length;
  const shown = showAll ? views : filled;

  return (
    <Panel
      title={text.fieldsTitle}
      actions={
        emptyCount > 0 ? (
          <Button
            variant="link"
            aria-expanded={showAll}
            aria-controls={listId}
            onClick={() => setShowAll((all) => !all)}
          >
            {showAll ? text.hideEmptyFields : text.showAllFields(emptyCount, locale)}
          </Button>
        ) : undefined
      }
    >
      {names.unnamedStatusTypes.size > 0 && (
        <RetryAlert
          tone="warning"
          title={text.statusNamesFailed}
          size="small"
          onRetry={names.retry}
          retrying={names.retrying}
        />
      )}
      {shown.length === 0 ? (
        <p className="st-muted">{text.noFilledFields}</p>
      ) : (
        <dl className="dt-fields" id={listId}>
          {shown.map((view) => (
            <div key={view.name} className={`dt-field${view.isEmpty ? ' dt-field--empty' : ''}`} data-field={view.name}>
              <dt>{fieldLabel(view.name, view.label)}</dt>
              <dd>
                {view.isEmpty ? (
                  <span className="st-muted">—</span>
                ) : (
                  <ul className="dt-values">
                    {view.values.map((value, index) => (
                      <li key={index}>
                        <FieldValueView value={value} names={names} directory={directory} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Panel>
  );
}
