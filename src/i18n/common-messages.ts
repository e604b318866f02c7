import { defineMessages } from './define-messages';

/** Words the shared UI primitives use. */
export const commonMessages = defineMessages(
  {
    retry: 'Try again',
    loading: 'Loading…',
    close: 'Close',
    dismiss: 'Dismiss',
    portalSaid: 'Bitrix24 says:',
    userFallbackName: (id: number) => `User #${id}`,
    /** What stands for an item or smart process with no title: its number. */
    number: (id: number) => `#${id}`,
    stageBarLabel: 'Stages',
    stageCurrent: 'current stage',
    stagePassed: 'passed',
    stageSuccess: 'success',
    stageFailure: 'failure',
  },
  {
    ru: {
      retry: 'Повторить',
      loading: 'Загрузка…',
      close: 'Закрыть',
      dismiss: 'Скрыть',
      portalSaid: 'Битрикс24 сообщает:',
      userFallbackName: (id: number) => `Пользователь №${id}`,
      number: (id: number) => `№${id}`,
      stageBarLabel: 'Стадии',
      stageCurrent: 'текущая стадия',
      stagePassed: 'пройдена',
      stageSuccess: 'успех',
      stageFailure: 'провал',
    },
    de: {
      retry: 'Erneut versuchen',
      loading: 'Wird geladen…',
      close: 'Schließen',
      dismiss: 'Ausblenden',
      portalSaid: 'Bitrix24 meldet:',
      userFallbackName: (id: number) => `Benutzer #${id}`,
      number: (id: number) => `Nr. ${id}`,
      stageBarLabel: 'Phasen',
      stageCurrent: 'aktuelle Phase',
      stagePassed: 'abgeschlossen',
      stageSuccess: 'Erfolg',
      stageFailure: 'Misserfolg',
    },
  },
);
