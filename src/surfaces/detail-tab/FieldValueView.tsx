import { useBitrix } from '../../bitrix';
import type { FieldValue } from '../../domain/fields';
import { crmItemPath } from '../../domain/portal-paths';
import { commonMessages, useI18n, useMessages } from '../../i18n';
import { crmReference, statusReference, type ReferenceNames } from '../../queries/reference-names';
import type { CrmTypeDirectory } from '../../queries/smart-processes';
import { Button, Person } from '../../ui';
import { detailTabMessages } from './messages';

/** One field value, formatted for the user's locale and time zone; portal text stays text. */
export function FieldValueView({
  value,
  names,
  directory,
}: {
  value: FieldValue;
  names: ReferenceNames;
  directory: CrmTypeDirectory | null;
}) {
  const boundary = useBitrix();
  const { format } = useI18n();
  const text = useMessages(detailTabMessages);
  const common = useMessages(commonMessages);

  switch (value.kind) {
    case 'text':
      return <span className="dt-value-text">{value.text}</span>;
    case 'number':
      return <>{format.number(value.value)}</>;
    case 'money':
      return <>{format.money(value.amount, value.currency)}</>;
    case 'date':
      return <time dateTime={value.value.slice(0, 10)}>{format.date(value.value)}</time>;
    case 'datetime':
      return <time dateTime={value.value}>{format.dateTime(value.value)}</time>;
    case 'boolean':
      return <>{value.value ? text.yes : text.no}</>;
    case 'user': {
      const user = names.users.get(value.userId);
      return (
        <Person
          name={user?.name || common.userFallbackName(value.userId)}
          photoUrl={user?.photoUrl ?? null}
          size={22}
        />
      );
    }
    case 'crm': {
      const { entityTypeId, entityId } = value;
      if (entityTypeId === null) return <>{text.crmItemUnknownType(entityId)}</>;
      const title = names.crmTitles.get(crmReference(entityTypeId, entityId));
      const typeName = directory?.byEntityTypeId.get(entityTypeId)?.title;
      const label = title || (typeName ? text.crmItem(typeName, entityId) : text.crmItemUnknownType(entityId));
      return (
        <Button variant="link" onClick={() => void boundary.openPortalPath(crmItemPath(entityTypeId, entityId))}>
          {label}
        </Button>
      );
    }
    case 'status': {
      // The code itself until (or unless) its directory names it; a directory that could not be
      // read says so beside the code, so a code is never taken for a name.
      const name = names.statusNames.get(statusReference(value.statusType, value.statusId));
      if (name) return <>{name}</>;
      return names.unnamedStatusTypes.has(value.statusType) ? (
        <>
          {value.statusId} <span className="st-muted">({text.nameNotLoaded})</span>
        </>
      ) : (
        <>{value.statusId}</>
      );
    }
    case 'url':
      return (
        <a href={value.href} target="_blank" rel="noopener noreferrer">
          {value.href}
        </a>
      );
    case 'file':
      return value.href ? (
        <a href={boundary.portalUrl(value.href)} target="_blank" rel="noopener noreferrer">
          {text.file(value.fileId)}
        </a>
      ) : (
        <>{text.file(value.fileId)}</>
      );
  }
}
