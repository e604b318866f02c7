import { defineMessages, plural } from '../../i18n';

/** Where each surface appears in the portal, in words an admin recognises. */
type SurfacePlaces = Readonly<Record<string, string>>;

export const appPageMessages = defineMessages(
  {
    title: 'Smart Tasks',
    intro: 'Smart Tasks creates tasks linked to smart-process items. Choose where it appears in each smart process.',
    loadingLabel: 'Loading the settings',
    loadFailed: 'The settings could not be loaded.',
    installTitle: 'Setting up Smart Tasks',
    installIntro: (count: number, locale: string) =>
      plural(locale, count, {
        one: `Adding Smart Tasks to ${count} smart process…`,
        other: `Adding Smart Tasks to ${count} smart processes…`,
      }),
    installNoSmartProcesses:
      'This Bitrix24 has no smart processes yet. Smart Tasks will be added to each one when you open this page after creating it.',
    installFinishing: 'Finishing the installation…',
    installDone: 'Smart Tasks is installed. It now appears in your smart processes.',
    installNotConfirmed: 'Bitrix24 has not confirmed the installation yet. Reload this page in a moment.',
    installFailed: 'Smart Tasks could not be added everywhere. Fix the problems below and try again.',
    installRetry: 'Try again',
    installAnyway: 'Finish the installation anyway',
    progressLabel: 'Progress',
    progress: (finished: number, total: number) => `${finished} of ${total} changes made`,
    choicesDamaged: 'Some saved settings could not be read; the defaults apply to them.',
    matrixCaption: 'Where Smart Tasks appears',
    smartProcessColumn: 'Smart process',
    noSmartProcesses: 'This Bitrix24 has no smart processes yet. Create one in CRM, then open this page again.',
    surfacePlace: {
      'detail-tab': 'Tab in the item card',
      'detail-activity': 'Button above the timeline',
      'detail-toolbar': 'Card toolbar menu',
      'list-menu': 'Row menu in the list',
      'activity-timeline-menu': 'Menu of a timeline record',
      'list-toolbar': 'List toolbar (bulk tasks)',
      'robot-designer-toolbar': 'Rules designer menu',
    } satisfies SurfacePlaces as SurfacePlaces,
    switchLabel: (surface: string, smartProcess: string) => `Show “${surface}” in ${smartProcess}`,
    stateAdding: 'not shown yet: sync to add',
    stateRemoving: 'still shown: sync to remove',
    sync: 'Sync with Bitrix24',
    syncHint: 'Adds Smart Tasks to new smart processes and removes it where it is switched off.',
    syncing: 'Syncing…',
    syncedNothing: 'Everything is up to date.',
    changeAdded: (place: string, smartProcess: string) =>
      smartProcess ? `Added: ${place}, ${smartProcess}` : `Added: ${place}`,
    changeRemoved: (place: string, smartProcess: string) =>
      smartProcess ? `Removed: ${place}, ${smartProcess}` : `Removed: ${place}`,
    synced: (changes: number, locale: string) =>
      plural(locale, changes, { one: `${changes} change made.`, other: `${changes} changes made.` }),
    syncFailed: (failed: number, locale: string) =>
      plural(locale, failed, { one: `${failed} change failed.`, other: `${failed} changes failed.` }),
    rowError: (surface: string, message: string) => `${surface}: ${message}`,
    otherErrors: 'Other problems',
    saveFailed: 'The setting could not be saved.',
    differences: (count: number, locale: string) =>
      plural(locale, count, {
        one: `Bitrix24 differs from these settings in ${new Intl.NumberFormat(locale).format(count)} place. Nothing changes until you sync:`,
        other: `Bitrix24 differs from these settings in ${new Intl.NumberFormat(locale).format(count)} places. Nothing changes until you sync:`,
      }),
    changeAdd: (place: string, smartProcess: string) =>
      smartProcess ? `Add: ${place}, ${smartProcess}` : `Add: ${place}`,
    changeRemove: (place: string, smartProcess: string) =>
      smartProcess ? `Remove: ${place}, ${smartProcess}` : `Remove: ${place}`,
    placeColumnHint: (title: string) => `shown as “${title}”`,
    userIntro: 'Smart Tasks creates tasks linked to smart-process items. You find it in the items themselves:',
    userPlace: (place: string, title: string) => `${place}: “${title}”`,
    recentTitle: 'Open a recent item',
    recentNone: 'No items yet in the smart processes that show Smart Tasks.',
    recentFailed: 'Recent items could not be loaded. Open any smart-process item in CRM: the tab is in its card.',
    untitledItem: (id: number) => `Item #${id}`,
    userAdminNote: 'Where Smart Tasks appears is set by your Bitrix24 administrator.',
  },
  {
    ru: {
      title: 'Smart Tasks',
      intro:
        'Smart Tasks создаёт задачи, связанные с элементами смарт-процессов. Выберите, где оно появляется в каждом смарт-процессе.',
      loadingLabel: 'Загрузка настроек',
      loadFailed: 'Не удалось загрузить настройки.',
      installTitle: 'Настройка Smart Tasks',
      installIntro: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Добавляем Smart Tasks в ${count} смарт-процесс…`,
          few: `Добавляем Smart Tasks в ${count} смарт-процесса…`,
          many: `Добавляем Smart Tasks в ${count} смарт-процессов…`,
          other: `Добавляем Smart Tasks в ${count} смарт-процесса…`,
        }),
      installNoSmartProcesses:
        'В этом Битрикс24 пока нет смарт-процессов. Smart Tasks добавится в каждый, когда вы откроете эту страницу после его создания.',
      installFinishing: 'Завершаем установку…',
      installDone: 'Smart Tasks установлено и появилось в ваших смарт-процессах.',
      installNotConfirmed: 'Битрикс24 ещё не подтвердил установку. Обновите страницу чуть позже.',
      installFailed: 'Не удалось добавить Smart Tasks везде. Устраните проблемы ниже и повторите.',
      installRetry: 'Повторить',
      installAnyway: 'Всё равно завершить установку',
      progressLabel: 'Ход выполнения',
      progress: (finished: number, total: number) => `Выполнено изменений: ${finished} из ${total}`,
      choicesDamaged: 'Часть сохранённых настроек не удалось прочитать; для них действуют значения по умолчанию.',
      matrixCaption: 'Где появляется Smart Tasks',
      smartProcessColumn: 'Смарт-процесс',
      noSmartProcesses:
        'В этом Битрикс24 пока нет смарт-процессов. Создайте смарт-процесс в CRM и снова откройте эту страницу.',
      surfacePlace: {
        'detail-tab': 'Вкладка в карточке элемента',
        'detail-activity': 'Кнопка над таймлайном',
        'detail-toolbar': 'Меню панели карточки',
        'list-menu': 'Меню строки в списке',
        'activity-timeline-menu': 'Меню записи таймлайна',
        'list-toolbar': 'Панель списка (массовые задачи)',
        'robot-designer-toolbar': 'Меню роботов (задачи по стадиям)',
      },
      switchLabel: (surface: string, smartProcess: string) => `Показывать «${surface}» в ${smartProcess}`,
      stateAdding: 'ещё не показано: синхронизируйте',
      stateRemoving: 'ещё показано: синхронизируйте',
      sync: 'Синхронизировать с Битрикс24',
      syncHint: 'Добавляет Smart Tasks в новые смарт-процессы и убирает там, где оно выключено.',
      syncing: 'Синхронизация…',
      syncedNothing: 'Всё актуально.',
      changeAdded: (place: string, smartProcess: string) =>
        smartProcess ? `Добавлено: ${place}, ${smartProcess}` : `Добавлено: ${place}`,
      changeRemoved: (place: string, smartProcess: string) =>
        smartProcess ? `Убрано: ${place}, ${smartProcess}` : `Убрано: ${place}`,
      synced: (changes: number, locale: string) =>
        plural(locale, changes, {
          one: `Выполнено ${changes} изменение.`,
          few: `Выполнено ${changes} изменения.`,
          many: `Выполнено ${changes} изменений.`,
          other: `Выполнено ${changes} изменения.`,
        }),
      syncFailed: (failed: number, locale: string) =>
        plural(locale, failed, {
          one: `${failed} изменение не выполнено.`,
          few: `${failed} изменения не выполнены.`,
          many: `${failed} изменений не выполнено.`,
          other: `${failed} изменения не выполнены.`,
        }),
      rowError: (surface: string, message: string) => `${surface}: ${message}`,
      otherErrors: 'Другие проблемы',
      saveFailed: 'Не удалось сохранить настройку.',
      differences: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Битрикс24 отличается от этих настроек в ${new Intl.NumberFormat(locale).format(count)} месте. Ничего не изменится, пока вы не синхронизируете:`,
          few: `Битрикс24 отличается от этих настроек в ${new Intl.NumberFormat(locale).format(count)} местах. Ничего не изменится, пока вы не синхронизируете:`,
          many: `Битрикс24 отличается от этих настроек в ${new Intl.NumberFormat(locale).format(count)} местах. Ничего не изменится, пока вы не синхронизируете:`,
          other: `Битрикс24 отличается от этих настроек в ${new Intl.NumberFormat(locale).format(count)} местах. Ничего не изменится, пока вы не синхронизируете:`,
        }),
      changeAdd: (place: string, smartProcess: string) =>
        smartProcess ? `Добавить: ${place}, ${smartProcess}` : `Добавить: ${place}`,
      changeRemove: (place: string, smartProcess: string) =>
        smartProcess ? `Убрать: ${place}, ${smartProcess}` : `Убрать: ${place}`,
      placeColumnHint: (title: string) => `называется «${title}»`,
      userIntro: 'Smart Tasks создаёт задачи, связанные с элементами смарт-процессов. Оно находится в самих элементах:',
      userPlace: (place: string, title: string) => `${place}: «${title}»`,
      recentTitle: 'Открыть недавний элемент',
      recentNone: 'В смарт-процессах, где есть Smart Tasks, пока нет элементов.',
      recentFailed:
        'Не удалось загрузить недавние элементы. Откройте любой элемент смарт-процесса в CRM: вкладка в его карточке.',
      untitledItem: (id: number) => `Элемент №${id}`,
      userAdminNote: 'Где появляется Smart Tasks, настраивает администратор Битрикс24.',
    },
    de: {
      title: 'Smart Tasks',
      intro:
        'Smart Tasks erstellt Aufgaben, die mit Elementen von Smart-Prozessen verknüpft sind. Wählen Sie, wo es in jedem Smart-Prozess erscheint.',
      loadingLabel: 'Einstellungen werden geladen',
      loadFailed: 'Die Einstellungen konnten nicht geladen werden.',
      installTitle: 'Smart Tasks wird eingerichtet',
      installIntro: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Smart Tasks wird zu ${count} Smart-Prozess hinzugefügt…`,
          other: `Smart Tasks wird zu ${count} Smart-Prozessen hinzugefügt…`,
        }),
      installNoSmartProcesses:
        'Dieses Bitrix24 hat noch keine Smart-Prozesse. Smart Tasks wird jedem hinzugefügt, wenn Sie diese Seite nach dem Anlegen öffnen.',
      installFinishing: 'Installation wird abgeschlossen…',
      installDone: 'Smart Tasks ist installiert und erscheint jetzt in Ihren Smart-Prozessen.',
      installNotConfirmed: 'Bitrix24 hat die Installation noch nicht bestätigt. Laden Sie die Seite gleich neu.',
      installFailed:
        'Smart Tasks konnte nicht überall hinzugefügt werden. Beheben Sie die Probleme unten und versuchen Sie es erneut.',
      installRetry: 'Erneut versuchen',
      installAnyway: 'Installation trotzdem abschließen',
      progressLabel: 'Fortschritt',
      progress: (finished: number, total: number) => `${finished} von ${total} Änderungen erledigt`,
      choicesDamaged: 'Einige gespeicherte Einstellungen waren nicht lesbar; für sie gelten die Standardwerte.',
      matrixCaption: 'Wo Smart Tasks erscheint',
      smartProcessColumn: 'Smart-Prozess',
      noSmartProcesses:
        'Dieses Bitrix24 hat noch keine Smart-Prozesse. Legen Sie einen im CRM an und öffnen Sie diese Seite erneut.',
      surfacePlace: {
        'detail-tab': 'Registerkarte im Element',
        'detail-activity': 'Schaltfläche über der Timeline',
        'detail-toolbar': 'Menü der Elementleiste',
        'list-menu': 'Zeilenmenü der Liste',
        'activity-timeline-menu': 'Menü eines Timeline-Eintrags',
        'list-toolbar': 'Listenleiste (Aufgaben für mehrere Elemente)',
        'robot-designer-toolbar': 'Regelmenü (Aufgaben je Phase)',
      },
      switchLabel: (surface: string, smartProcess: string) => `„${surface}“ in ${smartProcess} anzeigen`,
      stateAdding: 'noch nicht angezeigt: synchronisieren',
      stateRemoving: 'noch angezeigt: synchronisieren',
      sync: 'Mit Bitrix24 synchronisieren',
      syncHint: 'Fügt Smart Tasks neuen Smart-Prozessen hinzu und entfernt es dort, wo es ausgeschaltet ist.',
      syncing: 'Wird synchronisiert…',
      syncedNothing: 'Alles ist aktuell.',
      changeAdded: (place: string, smartProcess: string) =>
        smartProcess ? `Hinzugefügt: ${place}, ${smartProcess}` : `Hinzugefügt: ${place}`,
      changeRemoved: (place: string, smartProcess: string) =>
        smartProcess ? `Entfernt: ${place}, ${smartProcess}` : `Entfernt: ${place}`,
      synced: (changes: number, locale: string) =>
        plural(locale, changes, { one: `${changes} Änderung erledigt.`, other: `${changes} Änderungen erledigt.` }),
      syncFailed: (failed: number, locale: string) =>
        plural(locale, failed, {
          one: `${failed} Änderung fehlgeschlagen.`,
          other: `${failed} Änderungen fehlgeschlagen.`,
        }),
      rowError: (surface: string, message: string) => `${surface}: ${message}`,
      otherErrors: 'Weitere Probleme',
      saveFailed: 'Die Einstellung konnte nicht gespeichert werden.',
      differences: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Bitrix24 weicht an ${new Intl.NumberFormat(locale).format(count)} Stelle von diesen Einstellungen ab. Nichts ändert sich, bis Sie synchronisieren:`,
          other: `Bitrix24 weicht an ${new Intl.NumberFormat(locale).format(count)} Stellen von diesen Einstellungen ab. Nichts ändert sich, bis Sie synchronisieren:`,
        }),
      changeAdd: (place: string, smartProcess: string) =>
        smartProcess ? `Hinzufügen: ${place}, ${smartProcess}` : `Hinzufügen: ${place}`,
      changeRemove: (place: string, smartProcess: string) =>
        smartProcess ? `Entfernen: ${place}, ${smartProcess}` : `Entfernen: ${place}`,
      placeColumnHint: (title: string) => `heißt „${title}“`,
      userIntro:
        'Smart Tasks erstellt Aufgaben, die mit Elementen von Smart-Prozessen verknüpft sind. Sie finden es direkt in den Elementen:',
      userPlace: (place: string, title: string) => `${place}: „${title}“`,
      recentTitle: 'Ein aktuelles Element öffnen',
      recentNone: 'In den Smart-Prozessen mit Smart Tasks gibt es noch keine Elemente.',
      recentFailed:
        'Die aktuellen Elemente konnten nicht geladen werden. Öffnen Sie ein beliebiges Element eines Smart-Prozesses im CRM: Die Registerkarte ist in seiner Karte.',
      untitledItem: (id: number) => `Element Nr. ${id}`,
      userAdminNote: 'Wo Smart Tasks erscheint, legt Ihr Bitrix24-Administrator fest.',
    },
  },
);
