/**
 * Names of smart-process system fields for which `crm.item.fields` answers with the field's raw
 * code as its title (`contactIds` → "CONTACT_IDS", as the portal's own REST does). The portal's
 * title wins whenever it is a real name; only a raw code is replaced.
 */
import { defineMessages } from './define-messages';
import { useMessages } from './I18nProvider';

type Names = Readonly<Record<string, string>>;

export const systemFieldMessages = defineMessages(
  {
    names: {
      contactIds: 'Contacts',
      contacts: 'Contacts',
      companyId: 'Company',
      mycompanyId: 'Your company details',
      observers: 'Observers',
      sourceId: 'Source',
      sourceDescription: 'Source information',
      taxValue: 'Tax',
      opportunity: 'Amount',
      begindate: 'Start date',
      closedate: 'End date',
      createdBy: 'Created by',
      createdTime: 'Created on',
      updatedTime: 'Modified on',
      parentId: 'Parent item',
    } satisfies Names as Names,
  },
  {
    ru: {
      names: {
        contactIds: 'Контакты',
        contacts: 'Контакты',
        companyId: 'Компания',
        mycompanyId: 'Реквизиты вашей компании',
        observers: 'Наблюдатели',
        sourceId: 'Источник',
        sourceDescription: 'Дополнительно об источнике',
        taxValue: 'Налог',
        opportunity: 'Сумма',
        begindate: 'Дата начала',
        closedate: 'Дата завершения',
        createdBy: 'Кем создан',
        createdTime: 'Дата создания',
        updatedTime: 'Дата изменения',
        parentId: 'Родительский элемент',
      },
    },
    de: {
      names: {
        contactIds: 'Kontakte',
        contacts: 'Kontakte',
        companyId: 'Unternehmen',
        mycompanyId: 'Angaben Ihres Unternehmens',
        observers: 'Beobachter',
        sourceId: 'Quelle',
        sourceDescription: 'Informationen zur Quelle',
        taxValue: 'Steuer',
        opportunity: 'Betrag',
        begindate: 'Startdatum',
        closedate: 'Enddatum',
        createdBy: 'Erstellt von',
        createdTime: 'Erstellt am',
        updatedTime: 'Geändert am',
        parentId: 'Übergeordnetes Element',
      },
    },
  },
);

/** A title that is no name but a field code: upper case, digits and underscores only ("CONTACT_IDS"). */
const RAW_CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * The label to show for a field: the portal's title, unless that is a raw code and the field is
 * one whose name the app knows; then the name in the user's language.
 */
export function systemFieldLabel(names: Names, fieldName: string, portalLabel: string): string {
  if (!RAW_CODE.test(portalLabel.trim())) return portalLabel;
  return names[fieldName] ?? portalLabel;
}

/** `systemFieldLabel` in the current language. */
export function useFieldLabel(): (fieldName: string, portalLabel: string) => string {
  const { names } = useMessages(systemFieldMessages);
  return (fieldName, portalLabel) => systemFieldLabel(names, fieldName, portalLabel);
}
