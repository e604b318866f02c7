import type { TaskStatus } from '../../domain/tasks';
import { defineMessages } from '../../i18n';

type StatusLabels = Record<TaskStatus, string>;

/** A linked task's status in words, the same in every list that shows one (linked tasks, stage playbook). */
export const taskStatusMessages = defineMessages(
  {
    status: {
      new: 'New',
      pending: 'Pending',
      'in-progress': 'In progress',
      'awaiting-control': 'Awaiting review',
      completed: 'Completed',
      deferred: 'Deferred',
      unknown: 'Unknown',
    } satisfies StatusLabels as StatusLabels,
  },
  {
    ru: {
      status: {
        new: 'Новая',
        pending: 'Ждёт выполнения',
        'in-progress': 'Выполняется',
        'awaiting-control': 'Ждёт контроля',
        completed: 'Завершена',
        deferred: 'Отложена',
        unknown: 'Неизвестно',
      },
    },
    de: {
      status: {
        new: 'Neu',
        pending: 'Ausstehend',
        'in-progress': 'In Arbeit',
        'awaiting-control': 'Wartet auf Prüfung',
        completed: 'Abgeschlossen',
        deferred: 'Zurückgestellt',
        unknown: 'Unbekannt',
      },
    },
  },
);
