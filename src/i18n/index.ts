export { defineMessages, type Message, type MessageCatalog, type Messages } from './define-messages';
export { createFormatters, type Formatters } from './format';
export { I18nProvider, useI18n, useMessages, type I18n } from './I18nProvider';
export { intlLocaleFor, uiLanguageFor, UI_LANGUAGES, type UiLanguage } from './languages';
export { formatCount, plural, type PluralForms } from './plural';
export { errorMessages, useErrorText } from './error-messages';
export { commonMessages } from './common-messages';
export { dateTimeInputFormat, type DateTimeInputFormat } from './date-time-input';
export { systemFieldLabel, systemFieldMessages, useFieldLabel } from './system-field-names';
