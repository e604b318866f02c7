import { defineMessages } from '../i18n';

/** Words of the shared form controls in src/ui. */
export const uiMessages = defineMessages(
  {
    /** `pattern`: the entry format spelled out, e.g. "MM/DD/YYYY, hh:mm AM". */
    dateTimeUnreadable: (pattern: string) => `Enter the date and time as ${pattern}.`,
    dateTimeCalendar: 'Choose in a calendar',
  },
  {
    ru: {
      dateTimeUnreadable: (pattern: string) => `Введите дату и время в формате ${pattern}.`,
      dateTimeCalendar: 'Выбрать в календаре',
    },
    de: {
      dateTimeUnreadable: (pattern: string) => `Bitte Datum und Uhrzeit im Format ${pattern} eingeben.`,
      dateTimeCalendar: 'Im Kalender auswählen',
    },
  },
);
