import type { DraftProblem } from '../../domain/task-draft';
import { defineMessages, plural } from '../../i18n';

type ProblemLabels = Record<DraftProblem, string>;

/** Words of every surface that creates a task linked to one item: the button, the outcome, the item that cannot be read. */
export const linkedTaskMessages = defineMessages(
  {
    createTask: 'Create task',
    creating: 'Creating…',
    checking: 'Checking whether the task was created…',
    descriptionIntro: (smartProcess: string, title: string) => `Task for ${smartProcess} “${title}”.`,
    problems: {
      'title-missing': 'Enter a title.',
      'title-too-long': 'The title is too long (250 characters at most).',
      'responsible-missing': 'Choose who is responsible.',
      'deadline-in-past': 'The deadline is in the past.',
    } satisfies ProblemLabels as ProblemLabels,
    openTask: (title: string) => `Open task “${title}”`,
    createdTitle: 'Task created',
    createdText: (title: string) => `“${title}” is linked to this item.`,
    recoveredText: (title: string) =>
      `The request was interrupted, but it did arrive: “${title}” exists, and no second task was created.`,
    earlierClickText: (title: string) =>
      `Your earlier click did create “${title}”. This click sent nothing, so no second task was created.`,
    earlierClickFormText: (title: string) =>
      `Your earlier click did create “${title}”. Your changes in the form were not sent; they are still there. Click “Create task” again to create them as a second task.`,
    notLandedTitle: 'No task has arrived',
    notLandedText:
      'The connection to Bitrix24 was interrupted and no task from this click has arrived so far. Click “Create task” again to send it; should the first request still arrive, Smart Tasks removes the extra copy.',
    sessionEndedText:
      'Your Bitrix24 session has ended, so nothing was sent. Reload the page and click “Create task” again.',
    itemGoneText:
      'This item no longer exists: it was deleted or moved to the recycle bin, so no task was created for it.',
    smartProcessGoneText: 'This smart process no longer exists: it was deleted, so no task was created.',
    linkDroppedTitle: 'Task created without its link',
    linkDroppedText: (title: string) =>
      `“${title}” was created, but Bitrix24 did not keep its link to this item, so it is not listed here. The smart process may not allow links to tasks.`,
    linkUnconfirmedText: 'The task was created; its link to this item could not be confirmed.',
    duplicatesLeftText: (count: number) =>
      `The connection made Bitrix24 receive the request ${count + 1} times; ${count} extra ${count === 1 ? 'copy' : 'copies'} could not be removed. Please delete ${count === 1 ? 'it' : 'them'} in Tasks.`,
    createFailedTitle: 'The task was not created',
    unconfirmedTitle: 'Not sure the task was created',
    unconfirmedText:
      'Bitrix24 did not confirm the request in time. Click “Create task” again: Smart Tasks first checks whether the earlier request arrived, and never creates a second task for it.',
    linksOffTitle: 'Tasks cannot be linked to these items yet',
    linksOffText: (smartProcess: string) =>
      `The settings of “${smartProcess}” do not allow links to tasks, so a new task would not appear here.`,
    linksOffAdmin: 'Allow links to tasks',
    linksOffAsk: 'Ask a Bitrix24 administrator to allow links to tasks in this smart process’s settings.',
    linksOnTitle: 'Links to tasks are on',
    itemMissingTitle: 'This item no longer exists',
    itemMissingText: 'It may have been deleted, or moved to the recycle bin.',
    smartProcessMissingTitle: 'This smart process no longer exists',
    smartProcessMissingText: 'It may have been deleted by an administrator.',
    noAccessTitle: 'You cannot see this item',
    noAccessText: 'Your Bitrix24 permissions do not include this item.',
    loadFailedTitle: 'The item could not be loaded',
    createAnother: 'Create another',
    duplicateTitle: 'This task is already open for this item',
    duplicateText: (title: string) =>
      `“${title}” is linked to this item and not yet completed. Create a second task with the same title?`,
    createAnyway: 'Create a second task',
    keepExisting: 'Cancel',
    openTasksNote: (count: number, newest: string, _locale: string) =>
      count === 1
        ? `This item already has an open task: “${newest}”.`
        : `This item already has ${count} open tasks; the newest is “${newest}”.`,
  },
  {
    ru: {
      createTask: 'Создать задачу',
      creating: 'Создание…',
      checking: 'Проверяем, создана ли задача…',
      descriptionIntro: (smartProcess: string, title: string) => `Задача по элементу «${title}» (${smartProcess}).`,
      problems: {
        'title-missing': 'Введите название.',
        'title-too-long': 'Слишком длинное название (не больше 250 символов).',
        'responsible-missing': 'Выберите ответственного.',
        'deadline-in-past': 'Крайний срок уже прошёл.',
      },
      openTask: (title: string) => `Открыть задачу «${title}»`,
      createdTitle: 'Задача создана',
      createdText: (title: string) => `«${title}» связана с этим элементом.`,
      recoveredText: (title: string) => `Запрос прервался, но дошёл: задача «${title}» есть, вторая не создавалась.`,
      earlierClickText: (title: string) =>
        `Прошлое нажатие всё-таки создало задачу «${title}». Это нажатие ничего не отправило, второй задачи нет.`,
      earlierClickFormText: (title: string) =>
        `Прошлое нажатие всё-таки создало задачу «${title}». Ваши изменения в форме не отправлены и сохранены в ней. Нажмите «Создать задачу» ещё раз, чтобы создать по ним вторую задачу.`,
      notLandedTitle: 'Задача не поступила',
      notLandedText:
        'Связь с Битрикс24 прервалась, и задача от этого нажатия пока не пришла. Нажмите «Создать задачу» ещё раз; если первый запрос всё же дойдёт, Smart Tasks удалит лишнюю копию.',
      sessionEndedText:
        'Ваша сессия Битрикс24 закончилась, поэтому ничего не отправлено. Обновите страницу и снова нажмите «Создать задачу».',
      itemGoneText: 'Этого элемента больше нет: его удалили или перенесли в корзину, поэтому задача не создана.',
      smartProcessGoneText: 'Этого смарт-процесса больше нет: его удалили, поэтому задача не создана.',
      linkDroppedTitle: 'Задача создана без связи',
      linkDroppedText: (title: string) =>
        `Задача «${title}» создана, но Битрикс24 не сохранил её связь с этим элементом, поэтому её здесь нет. Возможно, смарт-процесс не разрешает связь с задачами.`,
      linkUnconfirmedText: 'Задача создана; связь с элементом подтвердить не удалось.',
      duplicatesLeftText: (count: number) =>
        `Из-за сбоя связи Битрикс24 получил запрос ${count + 1} раза; лишние копии (${count}) удалить не удалось. Удалите их в разделе «Задачи».`,
      createFailedTitle: 'Задача не создана',
      unconfirmedTitle: 'Неизвестно, создана ли задача',
      unconfirmedText:
        'Битрикс24 не подтвердил запрос вовремя. Нажмите «Создать задачу» ещё раз: Smart Tasks сначала проверит, дошёл ли прошлый запрос, и не создаст вторую задачу.',
      linksOffTitle: 'С этими элементами пока нельзя связывать задачи',
      linksOffText: (smartProcess: string) =>
        `Настройки «${smartProcess}» не разрешают связь с задачами, поэтому новая задача здесь не появится.`,
      linksOffAdmin: 'Разрешить связь с задачами',
      linksOffAsk: 'Попросите администратора Битрикс24 разрешить связь с задачами в настройках этого смарт-процесса.',
      linksOnTitle: 'Связь с задачами включена',
      itemMissingTitle: 'Этого элемента больше нет',
      itemMissingText: 'Возможно, его удалили или перенесли в корзину.',
      smartProcessMissingTitle: 'Этого смарт-процесса больше нет',
      smartProcessMissingText: 'Возможно, его удалил администратор.',
      noAccessTitle: 'Вам не виден этот элемент',
      noAccessText: 'Ваши права в Битрикс24 не включают этот элемент.',
      loadFailedTitle: 'Не удалось загрузить элемент',
      createAnother: 'Создать ещё',
      duplicateTitle: 'Такая задача по этому элементу уже открыта',
      duplicateText: (title: string) =>
        `Задача «${title}» связана с этим элементом и ещё не завершена. Создать вторую с тем же названием?`,
      createAnyway: 'Создать вторую задачу',
      keepExisting: 'Отмена',
      openTasksNote: (count: number, newest: string, locale: string) =>
        count === 1
          ? `У этого элемента уже есть открытая задача: «${newest}».`
          : `У этого элемента уже есть ${plural(locale, count, { one: `${count} открытая задача`, few: `${count} открытые задачи`, many: `${count} открытых задач`, other: `${count} открытой задачи` })}, последняя — «${newest}».`,
    },
    de: {
      createTask: 'Aufgabe erstellen',
      creating: 'Wird erstellt…',
      checking: 'Es wird geprüft, ob die Aufgabe erstellt wurde…',
      descriptionIntro: (smartProcess: string, title: string) => `Aufgabe zu ${smartProcess} „${title}“.`,
      problems: {
        'title-missing': 'Geben Sie einen Titel ein.',
        'title-too-long': 'Der Titel ist zu lang (höchstens 250 Zeichen).',
        'responsible-missing': 'Wählen Sie, wer verantwortlich ist.',
        'deadline-in-past': 'Die Frist liegt in der Vergangenheit.',
      },
      openTask: (title: string) => `Aufgabe „${title}“ öffnen`,
      createdTitle: 'Aufgabe erstellt',
      createdText: (title: string) => `„${title}“ ist mit diesem Element verknüpft.`,
      recoveredText: (title: string) =>
        `Die Anfrage wurde unterbrochen, ist aber angekommen: „${title}“ existiert, eine zweite Aufgabe wurde nicht erstellt.`,
      earlierClickText: (title: string) =>
        `Ihr früherer Klick hat „${title}“ doch erstellt. Dieser Klick hat nichts gesendet, eine zweite Aufgabe gibt es nicht.`,
      earlierClickFormText: (title: string) =>
        `Ihr früherer Klick hat „${title}“ doch erstellt. Ihre Änderungen im Formular wurden nicht gesendet und sind noch da. Klicken Sie erneut auf „Aufgabe erstellen“, um daraus eine zweite Aufgabe zu erstellen.`,
      notLandedTitle: 'Keine Aufgabe angekommen',
      notLandedText:
        'Die Verbindung zu Bitrix24 wurde unterbrochen, und von diesem Klick ist bisher keine Aufgabe angekommen. Klicken Sie erneut auf „Aufgabe erstellen“; kommt die erste Anfrage doch noch an, entfernt Smart Tasks die zusätzliche Kopie.',
      sessionEndedText:
        'Ihre Bitrix24-Sitzung ist beendet, daher wurde nichts gesendet. Laden Sie die Seite neu und klicken Sie erneut auf „Aufgabe erstellen“.',
      itemGoneText:
        'Dieses Element gibt es nicht mehr: Es wurde gelöscht oder in den Papierkorb verschoben, daher wurde keine Aufgabe erstellt.',
      smartProcessGoneText:
        'Diesen Smart Process gibt es nicht mehr: Er wurde gelöscht, daher wurde keine Aufgabe erstellt.',
      linkDroppedTitle: 'Aufgabe ohne Verknüpfung erstellt',
      linkDroppedText: (title: string) =>
        `„${title}“ wurde erstellt, aber Bitrix24 hat die Verknüpfung mit diesem Element nicht behalten; deshalb erscheint sie hier nicht. Vielleicht erlaubt der Smart Process keine Verknüpfung mit Aufgaben.`,
      linkUnconfirmedText: 'Die Aufgabe wurde erstellt; die Verknüpfung mit dem Element ließ sich nicht bestätigen.',
      duplicatesLeftText: (count: number) =>
        `Durch die Verbindung hat Bitrix24 die Anfrage ${count + 1}-mal erhalten; ${count} zusätzliche Kopie(n) ließen sich nicht entfernen. Bitte löschen Sie sie unter Aufgaben.`,
      createFailedTitle: 'Die Aufgabe wurde nicht erstellt',
      unconfirmedTitle: 'Unklar, ob die Aufgabe erstellt wurde',
      unconfirmedText:
        'Bitrix24 hat die Anfrage nicht rechtzeitig bestätigt. Klicken Sie erneut auf „Aufgabe erstellen“: Smart Tasks prüft zuerst, ob die frühere Anfrage angekommen ist, und erstellt dafür nie eine zweite Aufgabe.',
      linksOffTitle: 'Aufgaben lassen sich mit diesen Elementen noch nicht verknüpfen',
      linksOffText: (smartProcess: string) =>
        `Die Einstellungen von „${smartProcess}“ erlauben keine Verknüpfung mit Aufgaben, eine neue Aufgabe würde hier also nicht erscheinen.`,
      linksOffAdmin: 'Verknüpfung mit Aufgaben erlauben',
      linksOffAsk:
        'Bitten Sie einen Bitrix24-Administrator, in den Einstellungen dieses Smart Process die Verknüpfung mit Aufgaben zu erlauben.',
      linksOnTitle: 'Verknüpfung mit Aufgaben ist aktiv',
      itemMissingTitle: 'Dieses Element gibt es nicht mehr',
      itemMissingText: 'Es wurde vielleicht gelöscht oder in den Papierkorb verschoben.',
      smartProcessMissingTitle: 'Diesen Smart Process gibt es nicht mehr',
      smartProcessMissingText: 'Er wurde vielleicht von einem Administrator gelöscht.',
      noAccessTitle: 'Sie können dieses Element nicht sehen',
      noAccessText: 'Ihre Bitrix24-Berechtigungen umfassen dieses Element nicht.',
      loadFailedTitle: 'Das Element konnte nicht geladen werden',
      createAnother: 'Weitere erstellen',
      duplicateTitle: 'Diese Aufgabe ist für das Element schon offen',
      duplicateText: (title: string) =>
        `„${title}“ ist mit diesem Element verknüpft und noch nicht erledigt. Eine zweite Aufgabe mit demselben Titel erstellen?`,
      createAnyway: 'Zweite Aufgabe erstellen',
      keepExisting: 'Abbrechen',
      openTasksNote: (count: number, newest: string, _locale: string) =>
        count === 1
          ? `Zu diesem Element gibt es schon eine offene Aufgabe: „${newest}“.`
          : `Zu diesem Element gibt es schon ${count} offene Aufgaben, die neueste ist „${newest}“.`,
    },
  },
);
