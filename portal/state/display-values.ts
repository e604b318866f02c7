/**
 * Item values as the portal's General tab shows them (text, not REST shapes), for the host pages.
 */
import type { PortalStore } from './store';
import type { StoredItem, StoredUserField } from './state-types';

const YES: Record<string, string> = { en: 'Yes', ru: 'Да', de: 'Ja' };
const NO: Record<string, string> = { en: 'No', ru: 'Нет', de: 'Nein' };
const SYSTEM_LABELS: Record<string, Record<string, string>> = {
  stage: { en: 'Stage', ru: 'Стадия', de: 'Phase' },
  responsible: { en: 'Responsible person', ru: 'Ответственный', de: 'Verantwortliche Person' },
  amount: { en: 'Amount', ru: 'Сумма', de: 'Betrag' },
  begindate: { en: 'Start date', ru: 'Дата начала', de: 'Startdatum' },
  closedate: { en: 'End date', ru: 'Дата завершения', de: 'Enddatum' },
};

function label(labels: Record<string, string>, language: string): string {
  return labels[language] ?? labels.en ?? Object.values(labels)[0] ?? '';
}

export function userDisplayName(store: PortalStore, id: unknown): string {
  const user = store.user(Number(id));
  return user ? `${user.name} ${user.lastName}`.trim() : '';
}

function formatMoney(value: string): string {
  const [amount = '', currency = ''] = value.split('|');
  const number = Number(amount);
  return Number.isFinite(number) && amount !== '' ? `${number.toFixed(2)} ${currency}`.trim() : value;
}

function formatOne(field: StoredUserField, value: unknown, store: PortalStore, language: string): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.userTypeId) {
    case 'boolean':
      return value === 'Y' || value === 1 || value === '1' || value === true
        ? label(YES, language)
        : label(NO, language);
    case 'enumeration':
      return field.enumItems.find((item) => item.id === Number(value))?.value ?? String(value);
    case 'employee':
      return userDisplayName(store, value);
    case 'money':
      return formatMoney(String(value));
    case 'date':
      return String(value).slice(0, 10);
    case 'datetime':
      return String(value).slice(0, 16).replace('T', ' ');
    case 'crm': {
      const binding = store.resolveCrmBinding(String(value));
      const linked = binding ? store.item(binding.process.entityTypeId, binding.itemId) : undefined;
      return linked ? linked.title : String(value);
    }
    default:
      return String(value);
  }
}

export function formatUserFieldValue(
  field: StoredUserField,
  value: unknown,
  store: PortalStore,
  language: string,
): string {
  if (Array.isArray(value)) {
    return value
      .map((entry) => formatOne(field, entry, store, language))
      .filter(Boolean)
      .join(', ');
  }
  return formatOne(field, value, store, language);
}

/** Label → text pairs for the General tab: a few system fields, then every custom field. */
export function generalFields(
  item: StoredItem,
  store: PortalStore,
  language: string,
): Array<{ label: string; value: string; dateTime?: string }> {
  const process = store.smartProcess(item.entityTypeId);
  const stage = store.state.stages.find((row) => row.statusId === item.stageId);
  const rows: Array<{ label: string; value: string; dateTime?: string }> = [
    { label: label(SYSTEM_LABELS.stage!, language), value: stage?.name ?? item.stageId },
    { label: label(SYSTEM_LABELS.responsible!, language), value: userDisplayName(store, item.assignedById) },
  ];
  if (process?.flags.isLinkWithProductsEnabled === 'Y') {
    rows.push({
      label: label(SYSTEM_LABELS.amount!, language),
      value: `${item.opportunity.toFixed(2)} ${item.currencyId}`,
    });
  }
  if (process?.flags.isBeginCloseDatesEnabled === 'Y') {
    rows.push({ label: label(SYSTEM_LABELS.begindate!, language), value: item.begindate.slice(0, 10) });
    rows.push({ label: label(SYSTEM_LABELS.closedate!, language), value: item.closedate.slice(0, 10) });
  }
  const fields = store.state.userFields
    .filter((field) => field.entityTypeId === item.entityTypeId)
    .sort((a, b) => a.sort - b.sort);
  for (const field of fields) {
    const value = item.uf[field.fieldName];
    const row: { label: string; value: string; dateTime?: string } = {
      label: label(field.labels, language),
      value: formatUserFieldValue(field, value, store, language),
    };
    // A single date-time is a moment: the page shows it in the viewer's zone.
    if (field.userTypeId === 'datetime' && typeof value === 'string' && value !== '') row.dateTime = value;
    rows.push(row);
  }
  return rows;
}
