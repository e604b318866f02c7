import { defineMessages } from '../../i18n';

export const quickCreateMessages = defineMessages(
  {
    loadingLabel: 'Loading the item',
    heading: 'New linked task',
    itemLine: (smartProcess: string, id: number) => `${smartProcess} · #${id}`,
    title: 'Task title',
    titleFromRecord: 'Use the timeline record’s subject',
    responsible: 'Responsible',
    deadline: 'Deadline',
    noDeadline: 'No deadline',
    nobody: 'You',
    closeHint: 'Closes this panel',
  },
  {
    ru: {
      loadingLabel: 'Загрузка элемента',
      heading: 'Новая связанная задача',
      itemLine: (smartProcess: string, id: number) => `${smartProcess} · №${id}`,
      title: 'Название задачи',
      titleFromRecord: 'Взять тему записи таймлайна',
      responsible: 'Ответственный',
      deadline: 'Крайний срок',
      noDeadline: 'Без срока',
      nobody: 'Вы',
      closeHint: 'Закрывает эту панель',
    },
    de: {
      loadingLabel: 'Element wird geladen',
      heading: 'Neue verknüpfte Aufgabe',
      itemLine: (smartProcess: string, id: number) => `${smartProcess} · #${id}`,
      title: 'Titel der Aufgabe',
      titleFromRecord: 'Betreff des Timeline-Eintrags verwenden',
      responsible: 'Verantwortlich',
      deadline: 'Frist',
      noDeadline: 'Keine Frist',
      nobody: 'Sie',
      closeHint: 'Schließt dieses Fenster',
    },
  },
);
