import { isBitrixError, type ErrorMessageKey } from '../bitrix/errors';
import { defineMessages } from './define-messages';
import { useMessages } from './I18nProvider';

/** What the user reads for each kind of failure at the Bitrix24 boundary. */
export const errorMessages = defineMessages<Record<ErrorMessageKey, string>>(
  {
    'auth-expired':
      'Your Bitrix24 session has ended, so nothing was sent. Reload the page to sign in again, then try again.',
    'auth-invalid':
      'Bitrix24 did not accept this app’s access. Reload the page; if it happens again, ask your administrator to reinstall Smart Tasks.',
    'access-denied': 'You do not have permission for this in Bitrix24.',
    'not-found': 'Bitrix24 could not find it. It may have been deleted.',
    'rate-limit': 'Bitrix24 is busy right now. Wait a moment and try again.',
    network: 'No connection to Bitrix24. Check your connection and try again.',
    timeout: 'Bitrix24 took too long to answer. Try again.',
    validation: 'Bitrix24 did not accept the data.',
    'method-not-found': 'This Bitrix24 does not offer what Smart Tasks needs (is the Tasks module on?).',
    server: 'Bitrix24 had an internal problem. Try again in a moment.',
    unknown: 'Something went wrong while talking to Bitrix24.',
  },
  {
    ru: {
      'auth-expired':
        'Сессия Битрикс24 завершилась, поэтому ничего не отправлено. Обновите страницу, чтобы войти снова, и повторите.',
      'auth-invalid':
        'Битрикс24 не принял доступ приложения. Обновите страницу; если ошибка повторится, попросите администратора переустановить Smart Tasks.',
      'access-denied': 'У вас нет прав на это действие в Битрикс24.',
      'not-found': 'Битрикс24 не нашёл запись. Возможно, её удалили.',
      'rate-limit': 'Битрикс24 сейчас перегружен. Подождите немного и повторите.',
      network: 'Нет связи с Битрикс24. Проверьте подключение и повторите.',
      timeout: 'Битрикс24 слишком долго не отвечал. Повторите попытку.',
      validation: 'Битрикс24 не принял данные.',
      'method-not-found': 'В этом Битрикс24 нет того, что нужно Smart Tasks (включён ли модуль «Задачи»?).',
      server: 'Внутренняя ошибка Битрикс24. Повторите чуть позже.',
      unknown: 'Что-то пошло не так при обращении к Битрикс24.',
    },
    de: {
      'auth-expired':
        'Ihre Bitrix24-Sitzung ist beendet, daher wurde nichts gesendet. Laden Sie die Seite neu, um sich wieder anzumelden, und versuchen Sie es erneut.',
      'auth-invalid':
        'Bitrix24 hat den Zugriff der App nicht akzeptiert. Laden Sie die Seite neu; passiert es wieder, bitten Sie Ihren Administrator, Smart Tasks neu zu installieren.',
      'access-denied': 'Dafür haben Sie in Bitrix24 keine Berechtigung.',
      'not-found': 'Bitrix24 hat es nicht gefunden. Vielleicht wurde es gelöscht.',
      'rate-limit': 'Bitrix24 ist gerade ausgelastet. Warten Sie kurz und versuchen Sie es erneut.',
      network: 'Keine Verbindung zu Bitrix24. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
      timeout: 'Bitrix24 hat zu lange nicht geantwortet. Versuchen Sie es erneut.',
      validation: 'Bitrix24 hat die Daten nicht angenommen.',
      'method-not-found': 'Dieses Bitrix24 bietet nicht, was Smart Tasks braucht (ist das Aufgaben-Modul aktiv?).',
      server: 'Bitrix24 hatte ein internes Problem. Versuchen Sie es gleich noch einmal.',
      unknown: 'Bei der Verbindung mit Bitrix24 ist etwas schiefgelaufen.',
    },
  },
);

/** Words for any failure: a BitrixError's own message, anything else the generic one. */
export function useErrorText(): (error: unknown) => string {
  const errors = useMessages(errorMessages);
  return (error) => (isBitrixError(error) ? errors[error.messageKey] : errors.unknown);
}
