import { defineMessages, formatCount, plural } from '../../i18n';

/** Words of the stage playbook in the card: the tab's panel, quick-create's choices, outcomes. */
export const stagePlaybookMessages = defineMessages(
  {
    panelTitle: 'Stage playbook',
    stageLine: (stage: string) => `Tasks usually created in “${stage}”`,
    createMissing: (count: number, locale: string) =>
      count === 1 ? 'Create the missing task' : `Create the ${formatCount(locale, count)} missing tasks`,
    allCreated: 'All created',
    onlyVisibleCount:
      'Only tasks you can see in Bitrix24 count here: a colleague’s task you take no part in shows as missing.',
    confirmMissing: (titles: string) =>
      `This creates: ${titles}. If one of them already exists as a task you cannot see, stop here.`,
    confirmCreate: 'Create them',
    confirmCancel: 'Cancel',
    createOne: 'Create',
    createOneLabel: (title: string) => `Create “${title}”`,
    creating: 'Creating…',
    checking: 'Checking what was created…',
    missing: 'Missing',
    openTask: (title: string) => `Open task “${title}”`,
    choose: 'Choose responsible',
    chosen: (name: string) => `Responsible: ${name}`,
    responsibleInactive: (name: string) => `${name} is deactivated. Choose who gets this task.`,
    responsibleMissing: 'The employee this task goes to no longer exists. Choose who gets it.',
    responsibleNoItemResponsible: 'This item has no responsible. Choose who gets this task.',
    responsibleEmptyField: (field: string) => `The field “${field}” names nobody. Choose who gets this task.`,
    peopleLeftOut: (names: string) => `Left out as deactivated or unknown: ${names}.`,
    createdTitle: 'Tasks created',
    createdText: (count: number, locale: string) =>
      count === 1
        ? 'The task is created and linked to this item.'
        : `${formatCount(locale, count)} tasks are created and linked to this item.`,
    recoveredText: 'The request was interrupted, but it did arrive: these tasks exist, and none was created twice.',
    earlierClickText: 'Your earlier click had already created these tasks. Nothing was sent twice.',
    alreadyLinkedText: (titles: string) =>
      `Already created in the meantime (another tab or a colleague), so not created again: ${titles}.`,
    linkDroppedText: (titles: string) =>
      `Created, but Bitrix24 did not keep the link to this item: ${titles}. The smart process may not allow links to tasks.`,
    linkUnconfirmedText: 'Their link to this item could not be confirmed.',
    refusedTitle: (title: string) => `“${title}” was not created`,
    notCreatedText: (count: number, locale: string) =>
      `${plural(locale, count, { one: `${formatCount(locale, count)} task was`, other: `${formatCount(locale, count)} tasks were` })} not created. Click the button again to create what is still missing.`,
    checklistMissingText: (title: string, lines: number) =>
      `${lines === 1 ? 'One checklist item' : `${lines} checklist items`} could not be added to “${title}”. Open the task to add ${lines === 1 ? 'it' : 'them'}.`,
    duplicatesLeftText: (count: number) =>
      `${count === 1 ? 'One extra copy' : `${count} extra copies`} could not be removed. Please delete ${count === 1 ? 'it' : 'them'} in Tasks.`,
    failedTitle: 'No task was created',
    notLandedText:
      'The connection to Bitrix24 was interrupted and nothing from this click has arrived so far. Click again: should the first request still arrive, Smart Tasks removes the extra copies.',
    unconfirmedTitle: 'Not sure the tasks were created',
    unconfirmedText:
      'Bitrix24 did not confirm the request in time. Click again: Smart Tasks first checks what the earlier request created, and never creates a task twice.',
    sessionEndedText: 'Your Bitrix24 session has ended, so nothing was sent. Reload the page and click again.',
    itemGoneText: 'This item no longer exists: it was deleted or moved to the recycle bin, so no task was created.',
    smartProcessGoneText: 'This smart process no longer exists: it was deleted, so no task was created.',
    stageMovedTitle: 'The item is in another stage now',
    stageMovedText: (from: string, to: string) =>
      to
        ? `It moved from “${from}” to “${to}” after this card was loaded, so the tasks of “${from}” were not created. The list now shows the tasks of “${to}”.`
        : `It left “${from}” after this card was loaded, so the tasks of “${from}” were not created.`,
    movedTitle: 'The item moved to a new stage',
    movedText: (from: string, to: string) =>
      from ? `Moved from “${from}” to “${to}” since you last saw it.` : `Moved to “${to}” since you last saw it.`,
    movedOffer: (count: number, locale: string) =>
      count === 0
        ? 'All tasks of the new stage already exist.'
        : `${plural(locale, count, { one: `${formatCount(locale, count)} task`, other: `${formatCount(locale, count)} tasks` })} of the new stage ${count === 1 ? 'is' : 'are'} still missing.`,
    noPlaybookAdmin: 'No stage playbook is set up for this smart process yet.',
    setUp: 'Set up stage playbooks',
    setUpHint: 'Opens the automation rules of this smart process, where its menu has “Stage playbooks”.',
    newerSchema: 'This playbook was saved by a newer version of Smart Tasks. Update the app to use it here.',
    invalid: 'The stage playbook of this smart process cannot be read. An administrator can fix it in the settings.',
    readFailed: 'The stage playbook could not be loaded.',
    noTemplatesForStage: (stage: string) => `No tasks are planned for “${stage}”.`,
    loadingPeople: 'Loading who gets the tasks…',
    peopleFailed: 'Who gets the tasks could not be read, so nothing can be created yet.',
    choicesTitle: 'From the stage playbook',
    choiceCreated: 'Created',
    unknownStage: 'unknown stage',
    yes: 'Yes',
    no: 'No',
  },
  {
    ru: {
      panelTitle: 'Задачи стадии',
      stageLine: (stage: string) => `Задачи, которые обычно ставят на стадии «${stage}»`,
      createMissing: (count: number, locale: string) =>
        count === 1
          ? 'Создать недостающую задачу'
          : `Создать ${plural(locale, count, { one: `${formatCount(locale, count)} недостающую задачу`, few: `${formatCount(locale, count)} недостающие задачи`, many: `${formatCount(locale, count)} недостающих задач`, other: `${formatCount(locale, count)} недостающей задачи` })}`,
      allCreated: 'Все созданы',
      createOne: 'Создать',
      createOneLabel: (title: string) => `Создать «${title}»`,
      creating: 'Создание…',
      checking: 'Проверяем, что создано…',
      missing: 'Не создана',
      openTask: (title: string) => `Открыть задачу «${title}»`,
      choose: 'Выбрать ответственного',
      chosen: (name: string) => `Ответственный: ${name}`,
      responsibleInactive: (name: string) => `${name} — сотрудник уволен. Выберите, кому поставить задачу.`,
      responsibleMissing: 'Сотрудника, которому ставится задача, больше нет. Выберите ответственного.',
      responsibleNoItemResponsible: 'У элемента нет ответственного. Выберите, кому поставить задачу.',
      responsibleEmptyField: (field: string) => `В поле «${field}» никто не указан. Выберите, кому поставить задачу.`,
      peopleLeftOut: (names: string) => `Не добавлены (уволены или не найдены): ${names}.`,
      createdTitle: 'Задачи созданы',
      createdText: (count: number, locale: string) =>
        count === 1
          ? 'Задача создана и связана с этим элементом.'
          : `${plural(locale, count, { one: `Создана ${formatCount(locale, count)} задача`, few: `Созданы ${formatCount(locale, count)} задачи`, many: `Создано ${formatCount(locale, count)} задач`, other: `Создано ${formatCount(locale, count)} задачи` })}, все связаны с этим элементом.`,
      recoveredText: 'Запрос прервался, но дошёл: задачи есть, ни одна не создана дважды.',
      earlierClickText: 'Прошлое нажатие уже создало эти задачи. Повторно ничего не отправлено.',
      alreadyLinkedText: (titles: string) =>
        `Уже были созданы тем временем (в другой вкладке или коллегой), поэтому не созданы повторно: ${titles}.`,
      linkDroppedText: (titles: string) =>
        `Созданы, но Битрикс24 не сохранил связь с этим элементом: ${titles}. Возможно, смарт-процесс не разрешает связь с задачами.`,
      linkUnconfirmedText: 'Связь с элементом подтвердить не удалось.',
      refusedTitle: (title: string) => `Задача «${title}» не создана`,
      notCreatedText: (count: number, locale: string) =>
        `${plural(locale, count, { one: `Не создана ${formatCount(locale, count)} задача`, few: `Не созданы ${formatCount(locale, count)} задачи`, many: `Не создано ${formatCount(locale, count)} задач`, other: `Не создано ${formatCount(locale, count)} задачи` })}. Нажмите кнопку ещё раз, чтобы создать недостающие.`,
      checklistMissingText: (title: string, lines: number) =>
        `В задачу «${title}» не удалось добавить пункты чек-листа: ${lines}. Откройте задачу, чтобы добавить их.`,
      duplicatesLeftText: (count: number) =>
        `Не удалось удалить лишние копии: ${count}. Удалите их в разделе «Задачи».`,
      failedTitle: 'Задачи не созданы',
      notLandedText:
        'Связь с Битрикс24 прервалась, и от этого нажатия пока ничего не пришло. Нажмите ещё раз; если первый запрос всё же дойдёт, Smart Tasks удалит лишние копии.',
      unconfirmedTitle: 'Неизвестно, созданы ли задачи',
      unconfirmedText:
        'Битрикс24 не подтвердил запрос вовремя. Нажмите ещё раз: Smart Tasks сначала проверит, что создал прошлый запрос, и не создаст задачу дважды.',
      sessionEndedText:
        'Ваша сессия Битрикс24 закончилась, поэтому ничего не отправлено. Обновите страницу и нажмите ещё раз.',
      itemGoneText: 'Этого элемента больше нет: его удалили или перенесли в корзину, поэтому задачи не созданы.',
      smartProcessGoneText: 'Этого смарт-процесса больше нет: его удалили, поэтому задачи не созданы.',
      stageMovedTitle: 'Элемент уже на другой стадии',
      stageMovedText: (from: string, to: string) =>
        to
          ? `Элемент перешёл со стадии «${from}» на «${to}» после загрузки карточки, поэтому задачи стадии «${from}» не созданы. Теперь показаны задачи стадии «${to}».`
          : `Элемент ушёл со стадии «${from}» после загрузки карточки, поэтому её задачи не созданы.`,
      movedTitle: 'Элемент перешёл на новую стадию',
      movedText: (from: string, to: string) =>
        from
          ? `Перешёл со стадии «${from}» на «${to}» с вашего прошлого просмотра.`
          : `Перешёл на стадию «${to}» с вашего прошлого просмотра.`,
      movedOffer: (count: number, locale: string) =>
        count === 0
          ? 'Все задачи новой стадии уже есть.'
          : `Для новой стадии не хватает задач: ${formatCount(locale, count)}.`,
      noPlaybookAdmin: 'Для этого смарт-процесса ещё не настроены задачи по стадиям.',
      setUp: 'Настроить задачи по стадиям',
      setUpHint: 'Откроет роботов этого смарт-процесса; в их меню есть «Задачи по стадиям».',
      newerSchema:
        'Эти задачи по стадиям сохранены более новой версией Smart Tasks. Обновите приложение, чтобы пользоваться ими здесь.',
      invalid: 'Задачи по стадиям этого смарт-процесса не читаются. Администратор может исправить их в настройках.',
      readFailed: 'Не удалось загрузить задачи по стадиям.',
      noTemplatesForStage: (stage: string) => `Для стадии «${stage}» задачи не запланированы.`,
      loadingPeople: 'Загружаем, кому ставятся задачи…',
      peopleFailed: 'Не удалось узнать, кому ставятся задачи, поэтому создать их пока нельзя.',
      choicesTitle: 'Из задач стадии',
      choiceCreated: 'Создана',
      unknownStage: 'неизвестная стадия',
      yes: 'Да',
      no: 'Нет',
      onlyVisibleCount:
        'Учитываются только задачи, которые вы видите в Битрикс24: задача коллеги, в которой вы не участвуете, показана как недостающая.',
      confirmMissing: (titles: string) =>
        `Будут созданы: ${titles}. Если какая-то из них уже есть в задаче, которую вы не видите, остановитесь.`,
      confirmCreate: 'Создать',
      confirmCancel: 'Отмена',
    },
    de: {
      panelTitle: 'Aufgaben der Phase',
      stageLine: (stage: string) => `Aufgaben, die in „${stage}“ üblich sind`,
      createMissing: (count: number, locale: string) =>
        count === 1 ? 'Fehlende Aufgabe erstellen' : `${formatCount(locale, count)} fehlende Aufgaben erstellen`,
      allCreated: 'Alle erstellt',
      onlyVisibleCount:
        'Hier zählen nur Aufgaben, die Sie in Bitrix24 sehen: die Aufgabe einer Kollegin, an der Sie nicht beteiligt sind, erscheint als fehlend.',
      confirmMissing: (titles: string) =>
        `Erstellt wird: ${titles}. Gibt es eine davon schon als Aufgabe, die Sie nicht sehen, brechen Sie hier ab.`,
      confirmCreate: 'Erstellen',
      confirmCancel: 'Abbrechen',
      createOne: 'Erstellen',
      createOneLabel: (title: string) => `„${title}“ erstellen`,
      creating: 'Wird erstellt…',
      checking: 'Es wird geprüft, was erstellt wurde…',
      missing: 'Fehlt',
      openTask: (title: string) => `Aufgabe „${title}“ öffnen`,
      choose: 'Verantwortliche Person wählen',
      chosen: (name: string) => `Verantwortlich: ${name}`,
      responsibleInactive: (name: string) => `${name} ist deaktiviert. Wählen Sie, wer diese Aufgabe bekommt.`,
      responsibleMissing: 'Die Person, die diese Aufgabe bekommt, gibt es nicht mehr. Wählen Sie, wer sie bekommt.',
      responsibleNoItemResponsible:
        'Dieses Element hat keine verantwortliche Person. Wählen Sie, wer die Aufgabe bekommt.',
      responsibleEmptyField: (field: string) =>
        `Das Feld „${field}“ nennt niemanden. Wählen Sie, wer diese Aufgabe bekommt.`,
      peopleLeftOut: (names: string) => `Nicht hinzugefügt (deaktiviert oder unbekannt): ${names}.`,
      createdTitle: 'Aufgaben erstellt',
      createdText: (count: number, locale: string) =>
        count === 1
          ? 'Die Aufgabe ist erstellt und mit diesem Element verknüpft.'
          : `${formatCount(locale, count)} Aufgaben sind erstellt und mit diesem Element verknüpft.`,
      recoveredText:
        'Die Anfrage wurde unterbrochen, ist aber angekommen: Die Aufgaben existieren, keine wurde doppelt erstellt.',
      earlierClickText: 'Ihr früherer Klick hat diese Aufgaben schon erstellt. Nichts wurde doppelt gesendet.',
      alreadyLinkedText: (titles: string) =>
        `Inzwischen schon erstellt (in einem anderen Tab oder von einer Kollegin, einem Kollegen), daher nicht erneut: ${titles}.`,
      linkDroppedText: (titles: string) =>
        `Erstellt, aber Bitrix24 hat die Verknüpfung mit diesem Element nicht behalten: ${titles}. Vielleicht erlaubt der Smart Process keine Verknüpfung mit Aufgaben.`,
      linkUnconfirmedText: 'Die Verknüpfung mit dem Element ließ sich nicht bestätigen.',
      refusedTitle: (title: string) => `„${title}“ wurde nicht erstellt`,
      notCreatedText: (count: number, locale: string) =>
        `${count === 1 ? 'Eine Aufgabe wurde' : `${formatCount(locale, count)} Aufgaben wurden`} nicht erstellt. Klicken Sie erneut, um zu erstellen, was noch fehlt.`,
      checklistMissingText: (title: string, lines: number) =>
        `${lines === 1 ? 'Ein Checklistenpunkt konnte' : `${lines} Checklistenpunkte konnten`} nicht zu „${title}“ hinzugefügt werden. Öffnen Sie die Aufgabe, um ${lines === 1 ? 'ihn' : 'sie'} zu ergänzen.`,
      duplicatesLeftText: (count: number) =>
        `${count === 1 ? 'Eine zusätzliche Kopie ließ' : `${count} zusätzliche Kopien ließen`} sich nicht entfernen. Bitte löschen Sie sie unter Aufgaben.`,
      failedTitle: 'Keine Aufgabe erstellt',
      notLandedText:
        'Die Verbindung zu Bitrix24 wurde unterbrochen, und von diesem Klick ist bisher nichts angekommen. Klicken Sie erneut; kommt die erste Anfrage doch noch an, entfernt Smart Tasks die zusätzlichen Kopien.',
      unconfirmedTitle: 'Unklar, ob die Aufgaben erstellt wurden',
      unconfirmedText:
        'Bitrix24 hat die Anfrage nicht rechtzeitig bestätigt. Klicken Sie erneut: Smart Tasks prüft zuerst, was die frühere Anfrage erstellt hat, und erstellt nie eine Aufgabe doppelt.',
      sessionEndedText:
        'Ihre Bitrix24-Sitzung ist beendet, daher wurde nichts gesendet. Laden Sie die Seite neu und klicken Sie erneut.',
      itemGoneText:
        'Dieses Element gibt es nicht mehr: Es wurde gelöscht oder in den Papierkorb verschoben, daher wurde keine Aufgabe erstellt.',
      smartProcessGoneText:
        'Diesen Smart Process gibt es nicht mehr: Er wurde gelöscht, daher wurde keine Aufgabe erstellt.',
      stageMovedTitle: 'Das Element ist jetzt in einer anderen Phase',
      stageMovedText: (from: string, to: string) =>
        to
          ? `Es ist nach dem Laden der Karte von „${from}“ nach „${to}“ gewechselt, daher wurden die Aufgaben von „${from}“ nicht erstellt. Die Liste zeigt jetzt die Aufgaben von „${to}“.`
          : `Es hat „${from}“ nach dem Laden der Karte verlassen, daher wurden deren Aufgaben nicht erstellt.`,
      movedTitle: 'Das Element ist in eine neue Phase gewechselt',
      movedText: (from: string, to: string) =>
        from
          ? `Seit Ihrem letzten Besuch von „${from}“ nach „${to}“ gewechselt.`
          : `Seit Ihrem letzten Besuch nach „${to}“ gewechselt.`,
      movedOffer: (count: number, locale: string) =>
        count === 0
          ? 'Alle Aufgaben der neuen Phase gibt es schon.'
          : `${count === 1 ? 'Eine Aufgabe' : `${formatCount(locale, count)} Aufgaben`} der neuen Phase ${count === 1 ? 'fehlt' : 'fehlen'} noch.`,
      noPlaybookAdmin: 'Für diesen Smart Process sind noch keine Aufgaben je Phase eingerichtet.',
      setUp: 'Aufgaben je Phase einrichten',
      setUpHint: 'Öffnet die Automatisierungsregeln dieses Smart Process; ihr Menü enthält „Aufgaben je Phase“.',
      newerSchema:
        'Diese Aufgaben je Phase wurden von einer neueren Version von Smart Tasks gespeichert. Aktualisieren Sie die App, um sie hier zu nutzen.',
      invalid:
        'Die Aufgaben je Phase dieses Smart Process lassen sich nicht lesen. Ein Administrator kann sie in den Einstellungen korrigieren.',
      readFailed: 'Die Aufgaben je Phase konnten nicht geladen werden.',
      noTemplatesForStage: (stage: string) => `Für „${stage}“ sind keine Aufgaben vorgesehen.`,
      loadingPeople: 'Es wird geladen, wer die Aufgaben bekommt…',
      peopleFailed: 'Wer die Aufgaben bekommt, konnte nicht gelesen werden; daher kann noch nichts erstellt werden.',
      choicesTitle: 'Aus den Aufgaben der Phase',
      choiceCreated: 'Erstellt',
      unknownStage: 'unbekannte Phase',
      yes: 'Ja',
      no: 'Nein',
    },
  },
);
