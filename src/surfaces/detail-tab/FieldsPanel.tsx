import { useId, useState } from 'react';
import type { FieldView } from '../../domain/fields';
import { useI18n, useMessages } from '../../i18n';
import type { ReferenceNames } from '../../queries/reference-names';
import type { CrmTypeDirectory } from '../../queries/smart-processes';
import { Alert, Button, Panel } from '../../ui';
import { FieldValueView } from './FieldValueView';
import { detailTabMessages } from './messages';

/** The item's filled fields; empty ones fold under "show all". */
export function FieldsPanel({ views, names, directory }: { views: FieldView[] | null; names: ReferenceNames; directory: CrmTypeDirectory | null }) {
  const text = useMessages(detailTabMessages);
  const { locale } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const listId = useId();

  if (views === null) {
    return (
      <Panel title={text.fieldsTitle}>
        <Alert tone="warning">{text.fieldsFailed}</Alert>
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
          <Button variant="link" aria-expanded={showAll} aria-controls={listId} onClick={() => setShowAll((all) => !all)}>
            {showAll ? text.hideEmptyFields : text.showAllFields(emptyCount, locale)}
          </Button>
        ) : undefined
      }
    >
      {shown.length === 0 ? (
        <p className="st-muted">{text.noFilledFields}</p>
      ) : (
        <dl className="dt-fields" id={listId}>
          {shown.map((view) => (
            <div key={view.name} className={`dt-field${view.isEmpty ? ' dt-field--empty' : ''}`} data-field={view.name}>
              <dt>{view.label}</dt>
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
