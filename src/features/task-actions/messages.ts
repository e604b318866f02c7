import { defineMessages } from '../../i18n';
import type { RefusalReason } from './run-task-action';
import type { TaskActionKind } from './task-action';

type PerAction = Record<TaskActionKind, string>;
type PerReason = Record<RefusalReason, string>;

/** Words of the actions on a linked task (the row's menu, its deadline form, what became of an action). */
export const taskActionMessages = defineMessages(
  {
    menuButton: (title: string) => `Actions for “${title}”`,
    action: {
      start: 'Start',
      pause: 'Pause',
      complete: 'Complete',
      renew: 'Resume',
      deadline: 'Change deadline…',
      responsible: 'Change responsible…',
    } satisfies PerAction as PerAction,
    working: {
      start: 'Starting…',
      pause: 'Pausing…',
      complete: 'Completing…',
      renew: 'Resuming…',
      deadline: 'Changing the deadline…',
      responsible: 'Changing the responsible…',
    } satisfies PerAction as PerAction,
    checkingRights: 'Checking what you can do with this task…',
    viewOnly: 'You can view this task but not change it.',
    rightsFailed: 'Could not check what you can do with this task.',
    openTask: 'Open task',
    deadlineLabel: 'New deadline',
    deadlineInvalid: (pattern: string) => `Enter the date and time as ${pattern}.`,
    deadlineZone: (zone: string) => `Your Bitrix24 time zone: ${zone}.`,
    save: 'Save',
    cancel: 'Cancel',
    pickerHint: 'The Bitrix24 user picker opens; closing it changes nothing.',
    notDone: {
      start: 'The task was not started',
      pause: 'The task was not paused',
      complete: 'The task was not completed',
      renew: 'The task was not resumed',
      deadline: 'The deadline was not changed',
      responsible: 'The responsible person was not changed',
    } satisfies PerAction as PerAction,
    notDoneNamed: (notDone: string, title: string) => `${notDone}: “${title}”`,
    because: {
      'no-right':
        'Bitrix24 does not allow you to do this with this task. Your rights were checked again: the menu shows what you can do now.',
      gone: 'The task no longer exists in Bitrix24, or you can no longer see it. It has been taken off this list.',
      busy: 'Bitrix24 is busy right now (its request limit), so nothing was changed. Wait a moment and try again.',
      session: 'Your Bitrix24 session has ended, so nothing was sent. Reload the page, then try again.',
      unsupported: 'This Bitrix24 does not offer this action.',
      rejected: 'Bitrix24 did not accept the change. The task was read again and shows what Bitrix24 has now.',
    } satisfies PerReason as PerReason,
    unsureTitle: 'No clear answer from Bitrix24',
    unsureLanded: {
      start: 'The task was read again: it has been started.',
      pause: 'The task was read again: it has been paused.',
      complete: 'The task was read again: it has been completed.',
      renew: 'The task was read again: it has been resumed.',
      deadline: 'The task was read again: the new deadline is saved.',
      responsible: 'The task was read again: the new responsible person is saved.',
    } satisfies PerAction as PerAction,
    unsureNotLanded:
      'The task was read again: the change is not there, and the task shows what Bitrix24 has now. Try again.',
    unsureUnread:
      'Bitrix24 did not answer, and the task could not be read again. It shows its state from before; reload the page to see what Bitrix24 has.',
  },
  {
    ru: {
      menuButton: (title: string) => `Действия с задачей «${title}»`,
      action: {
        start: 'Начать выполнение',
        pause: 'Приостановить',
        complete: 'Завершить',
        renew: 'Возобновить',
        deadline: 'Изменить крайний срок…',
        responsible: 'Сменить ответственного…',
      },
      working: {
        start: 'Начинаем…',
        pause: 'Приостанавливаем…',
        complete: 'Завершаем…',
        renew: 'Возобновляем…',
        deadline: 'Меняем крайний срок…',
        responsible: 'Меняем ответственного…',
      },
      checkingRights: 'Проверяем, что вы можете сделать с задачей…',
      viewOnly: 'Эту задачу вы можете только просматривать.',
      rightsFailed: 'Не удалось проверить, что вы можете сделать с задачей.',
      openTask: 'Открыть задачу',
      deadlineLabel: 'Новый крайний срок',
      deadlineInvalid: (pattern: string) => `Введите дату и время в формате ${pattern}.`,
      deadlineZone: (zone: string) => `Ваш часовой пояс в Битрикс24: ${zone}.`,
      save: 'Сохранить',
      cancel: 'Отмена',
      pickerHint: 'Откроется выбор сотрудника Битрикс24; если закрыть его, ничего не изменится.',
      notDone: {
        start: 'Выполнение задачи не начато',
        pause: 'Задача не приостановлена',
        complete: 'Задача не завершена',
        renew: 'Задача не возобновлена',
        deadline: 'Крайний срок не изменён',
        responsible: 'Ответственный не изменён',
      },
      notDoneNamed: (notDone: string, title: string) => `${notDone}: «${title}»`,
      because: {
        'no-right':
          'Битрикс24 не разрешает вам это действие с задачей. Права проверены заново: в меню — то, что вам доступно сейчас.',
        gone: 'Задачи больше нет в Битрикс24, или у вас больше нет к ней доступа. Она убрана из списка.',
        busy: 'Битрикс24 сейчас перегружен (лимит запросов), поэтому ничего не изменено. Подождите немного и повторите.',
        session: 'Сессия Битрикс24 завершилась, поэтому ничего не отправлено. Обновите страницу и повторите.',
        unsupported: 'В этом Битрикс24 нет такого действия.',
        rejected: 'Битрикс24 не принял изменение. Задача перечитана и показана такой, какая она в Битрикс24 сейчас.',
      },
      unsureTitle: 'Битрикс24 не дал ясного ответа',
      unsureLanded: {
        start: 'Задача перечитана: выполнение начато.',
        pause: 'Задача перечитана: она приостановлена.',
        complete: 'Задача перечитана: она завершена.',
        renew: 'Задача перечитана: она возобновлена.',
        deadline: 'Задача перечитана: новый крайний срок сохранён.',
        responsible: 'Задача перечитана: новый ответственный сохранён.',
      },
      unsureNotLanded:
        'Задача перечитана: изменения в ней нет, она показана такой, какая она в Битрикс24 сейчас. Повторите действие.',
      unsureUnread:
        'Битрикс24 не ответил, и задачу не удалось перечитать. Она показана в прежнем состоянии; обновите страницу, чтобы увидеть, что в Битрикс24.',
    },
    de: {
      menuButton: (title: string) => `Aktionen für „${title}“`,
      action: {
        start: 'Starten',
        pause: 'Pausieren',
        complete: 'Abschließen',
        renew: 'Wieder aufnehmen',
        deadline: 'Frist ändern…',
        responsible: 'Verantwortliche Person ändern…',
      },
      working: {
        start: 'Wird gestartet…',
        pause: 'Wird pausiert…',
        complete: 'Wird abgeschlossen…',
        renew: 'Wird wieder aufgenommen…',
        deadline: 'Frist wird geändert…',
        responsible: 'Verantwortliche Person wird geändert…',
      },
      checkingRights: 'Es wird geprüft, was Sie mit dieser Aufgabe tun dürfen…',
      viewOnly: 'Diese Aufgabe können Sie ansehen, aber nicht ändern.',
      rightsFailed: 'Es konnte nicht geprüft werden, was Sie mit dieser Aufgabe tun dürfen.',
      openTask: 'Aufgabe öffnen',
      deadlineLabel: 'Neue Frist',
      deadlineInvalid: (pattern: string) => `Geben Sie Datum und Uhrzeit als ${pattern} ein.`,
      deadlineZone: (zone: string) => `Ihre Zeitzone in Bitrix24: ${zone}.`,
      save: 'Speichern',
      cancel: 'Abbrechen',
      pickerHint: 'Die Benutzerauswahl von Bitrix24 öffnet sich; Schließen ändert nichts.',
      notDone: {
        start: 'Die Aufgabe wurde nicht gestartet',
        pause: 'Die Aufgabe wurde nicht pausiert',
        complete: 'Die Aufgabe wurde nicht abgeschlossen',
        renew: 'Die Aufgabe wurde nicht wieder aufgenommen',
        deadline: 'Die Frist wurde nicht geändert',
        responsible: 'Die verantwortliche Person wurde nicht geändert',
      },
      notDoneNamed: (notDone: string, title: string) => `${notDone}: „${title}“`,
      because: {
        'no-right':
          'Bitrix24 erlaubt Ihnen das bei dieser Aufgabe nicht. Ihre Rechte wurden neu geprüft: Das Menü zeigt, was Sie jetzt tun können.',
        gone: 'Die Aufgabe gibt es in Bitrix24 nicht mehr, oder Sie können sie nicht mehr sehen. Sie wurde aus der Liste entfernt.',
        busy: 'Bitrix24 ist gerade ausgelastet (Anfragelimit), daher wurde nichts geändert. Warten Sie kurz und versuchen Sie es erneut.',
        session:
          'Ihre Bitrix24-Sitzung ist beendet, daher wurde nichts gesendet. Laden Sie die Seite neu und versuchen Sie es erneut.',
        unsupported: 'Dieses Bitrix24 bietet diese Aktion nicht an.',
        rejected:
          'Bitrix24 hat die Änderung nicht angenommen. Die Aufgabe wurde neu gelesen und zeigt den aktuellen Stand in Bitrix24.',
      },
      unsureTitle: 'Keine eindeutige Antwort von Bitrix24',
      unsureLanded: {
        start: 'Die Aufgabe wurde neu gelesen: Sie ist gestartet.',
        pause: 'Die Aufgabe wurde neu gelesen: Sie ist pausiert.',
        complete: 'Die Aufgabe wurde neu gelesen: Sie ist abgeschlossen.',
        renew: 'Die Aufgabe wurde neu gelesen: Sie ist wieder aufgenommen.',
        deadline: 'Die Aufgabe wurde neu gelesen: Die neue Frist ist gespeichert.',
        responsible: 'Die Aufgabe wurde neu gelesen: Die neue verantwortliche Person ist gespeichert.',
      },
      unsureNotLanded:
        'Die Aufgabe wurde neu gelesen: Die Änderung ist nicht da, die Aufgabe zeigt den aktuellen Stand in Bitrix24. Versuchen Sie es erneut.',
      unsureUnread:
        'Bitrix24 hat nicht geantwortet, und die Aufgabe konnte nicht neu gelesen werden. Sie zeigt den vorherigen Stand; laden Sie die Seite neu, um den Stand in Bitrix24 zu sehen.',
    },
  },
);
