import type { FailureReason, SkipReason } from '../../domain/bulk/checkpoint';
import type { Placeholder } from '../../domain/bulk/task-template';
import { defineMessages, formatCount, plural } from '../../i18n';

type PlaceholderLabels = Record<Placeholder, string>;
type ReasonLabels = Record<FailureReason, string>;
type SkipLabels = Record<SkipReason, string>;

function minutesOrSeconds(milliseconds: number): { seconds: number; minutes: number } {
  const seconds = Math.max(1, Math.round(milliseconds / 1000));
  return { seconds, minutes: Math.max(1, Math.round(seconds / 60)) };
}

export const bulkMessages = defineMessages(
  {
    loadingLabel: 'Loading funnels and stages',
    loadFailed: 'The funnels and stages could not be loaded.',
    heading: (smartProcess: string) => `Linked tasks in bulk: ${smartProcess}`,
    intro: 'Create one task, linked to its item, for every item you choose here.',
    whichItems: 'Which items',
    funnel: 'Funnel',
    allFunnels: 'All funnels',
    stage: 'Stage',
    anyStage: 'Any stage',
    stageNeedsFunnel: 'Choose a funnel to pick one of its stages.',
    responsibleFilter: 'Responsible for the item',
    anyone: 'Anyone',
    choosePerson: 'Choose…',
    clearPerson: 'Any responsible',
    onlyWithoutOpenTask: 'Only items with no open linked task',
    onlyTasksYouSee:
      'Only tasks you can see in Bitrix24 count here: a task of a colleague you take no part in does not. If a colleague runs the same items now, agree who does.',
    counting: 'Counting items…',
    countFailed: 'The items could not be counted.',
    matches: (count: number, locale: string) =>
      plural(locale, count, {
        one: `${formatCount(locale, count)} item matches.`,
        other: `${formatCount(locale, count)} items match.`,
      }),
    withoutOpenTask: (count: number, locale: string) =>
      plural(locale, count, {
        one: `${formatCount(locale, count)} of them has no open linked task.`,
        other: `${formatCount(locale, count)} of them have no open linked task.`,
      }),
    countingOpen: (looked: number, total: number, locale: string) =>
      `Looking for open linked tasks… ${formatCount(locale, looked)} of ${formatCount(locale, total)}`,
    countExactly: 'Count items without an open task',
    skippedLater: 'Items that already have an open linked task are skipped while the run goes.',
    theTask: 'The task',
    taskTitle: 'Title',
    taskDescription: 'Description',
    insert: 'Insert:',
    placeholder: {
      title: 'item title',
      id: 'item id',
      stage: 'stage',
      responsible: 'responsible',
    } satisfies PlaceholderLabels as PlaceholderLabels,
    insertPlaceholder: (name: string) => `Insert the ${name}`,
    unknownPlaceholder: (name: string) =>
      `{${name}} is not a placeholder. Use {title}, {id}, {stage} or {responsible}.`,
    titleMissing: 'Enter a title.',
    deadlineInvalid: 'Enter a valid date and time, or leave it empty.',
    taskResponsible: 'Responsible for the task',
    eachItemsResponsible: 'Each item’s responsible (you, where an item has none)',
    onePerson: 'One person:',
    deadline: 'Deadline',
    deadlineHint: 'Leave empty for no deadline.',
    defaultTitle: '{title}: follow up',
    markerLabel: 'Created by Smart Tasks in bulk, run',
    start: (count: number, locale: string) =>
      plural(locale, count, {
        one: `Create ${formatCount(locale, count)} task`,
        other: `Create up to ${formatCount(locale, count)} tasks`,
      }),
    nothingToDo: 'No items match: change the filter.',
    linksOff: (tab: string) =>
      `This smart process does not allow links to tasks, so tasks would be created without their link. Turn links on in the “${tab}” tab of an item card first.`,
    noStorage: 'This browser does not let Smart Tasks remember the run: keep this page open until it finishes.',
    progressLabel: 'Bulk run progress',
    created: (count: number, locale: string) => `Created: ${formatCount(locale, count)}`,
    skipped: (count: number, locale: string) => `Skipped: ${formatCount(locale, count)}`,
    failed: (count: number, locale: string) => `Failed: ${formatCount(locale, count)}`,
    remaining: (count: number, locale: string) => `Remaining: ${formatCount(locale, count)}`,
    timeLeft: (milliseconds: number) => {
      const { seconds, minutes } = minutesOrSeconds(milliseconds);
      return seconds < 90 ? `About ${seconds} s left` : `About ${minutes} min left`;
    },
    waitingRateLimit: 'Bitrix24 asked to slow down; continuing in a moment…',
    waitingConnection: 'No answer from Bitrix24; trying again…',
    cancel: 'Pause',
    cancelling: 'Pausing after the current step…',
    pausedTitle: 'The run is paused',
    pausedText: 'Nothing is lost: resuming first checks which items already got their task, so none gets a second one.',
    pausedByConnection: 'The connection to Bitrix24 was lost.',
    pausedByRateLimit: 'Bitrix24 kept asking to slow down.',
    pausedRefused: 'Bitrix24 refused to continue:',
    resume: 'Resume',
    discard: 'Discard this run',
    runningElsewhereTitle: 'Running in another tab',
    runningElsewhereText:
      'This run is going on in another tab or window of this browser; its progress shows here. Once that tab is closed, you can take the run over here.',
    lastRunTitle: 'Your last run finished',
    waitingOperatingLimit: (time: string) =>
      `Bitrix24 has used up this app’s processing time for creating tasks for now. The run waits and continues at ${time}; nothing is marked failed.`,
    pausedByOperatingLimit: 'Bitrix24 has used up this app’s processing time for creating tasks for now.',
    sdkWaiting: 'Waiting for Bitrix24’s request limit before the next request…',
    reportTitle: 'Run finished',
    reportSummary: (created: number, skipped: number, failed: number, locale: string) =>
      `${formatCount(locale, created)} created, ${formatCount(locale, skipped)} skipped, ${formatCount(locale, failed)} failed.`,
    copiesRemoved: (count: number, locale: string) =>
      plural(locale, count, {
        one: `${formatCount(locale, count)} copy made by a repeated request was found and deleted.`,
        other: `${formatCount(locale, count)} copies made by repeated requests were found and deleted.`,
      }),
    createdTasks: 'Created tasks',
    openTask: (itemTitle: string) => `Open the task for “${itemTitle}”`,
    itemFallback: (id: number) => `Item #${id}`,
    showAll: (count: number, locale: string) => `Show all ${formatCount(locale, count)}`,
    notListed: (count: number, locale: string) =>
      plural(locale, count, {
        one: `${formatCount(locale, count)} more task is not listed.`,
        other: `${formatCount(locale, count)} more tasks are not listed.`,
      }),
    failedItems: 'Items without a task',
    failedItemsPlaybook: 'Items that did not get all their tasks',
    reason: {
      rejected: 'Bitrix24 refused the task.',
      'rate-limited': 'Bitrix24 stayed too busy.',
      'operating-limit': 'Bitrix24 had used up this app’s processing time.',
      unreachable: 'No answer from Bitrix24.',
      'item-missing': 'The item no longer exists.',
      'no-responsible':
        'The playbook’s rule names nobody who can get the task (the person is deactivated or unknown, or the item’s field is empty).',
    } satisfies ReasonLabels as ReasonLabels,
    retryFailed: 'Retry the failed ones',
    newRun: 'Start a new run',
    startExact: (count: number, locale: string) =>
      plural(locale, count, {
        one: `Create ${formatCount(locale, count)} task`,
        other: `Create ${formatCount(locale, count)} tasks`,
      }),
    startCounting: 'Counting items…',
    personMissing: 'Choose the person who gets the tasks.',
    confirmTitle: (count: number, exact: boolean, locale: string) =>
      exact
        ? plural(locale, count, {
            one: `Create ${formatCount(locale, count)} linked task?`,
            other: `Create ${formatCount(locale, count)} linked tasks?`,
          })
        : `Create up to ${formatCount(locale, count)} linked tasks?`,
    confirmUpTo: 'Items that already have an open linked task are skipped while the run goes.',
    confirmFor: 'Responsible',
    confirmForEach: 'each item’s responsible (you, where an item has none)',
    confirmDeadline: 'Deadline',
    confirmNoDeadline: 'none',
    confirmTaskTitle: 'Title',
    back: 'Back',
    lastRunOn: (date: string) => `Last run on ${date}`,
    showReport: 'Show its report',
    hideReport: 'Hide the report',
    skippedItems: 'Skipped items',
    skipReason: {
      'open-task': 'It already has an open linked task.',
      'other-run': 'Another run gave it a task at the same moment.',
      'has-templates': 'It already has a task of every template of the playbook.',
    } satisfies SkipLabels as SkipLabels,
    chooseItemResponsible: 'Choose the responsible for the items',
    chooseTaskResponsible: 'Choose the person who gets the tasks',
    whatEachGets: 'What each item gets',
    modeTemplate: 'One task from the template below',
    modePlaybook: 'The tasks of the stage’s playbook it is missing',
    playbookTitle: 'The stage’s playbook',
    playbookNeedsStage: 'Choose a funnel and a stage: a playbook belongs to a stage.',
    playbookNone: (stage: string) =>
      `No playbook is set up for “${stage}”. An administrator sets it up on the app’s settings page or in the automation rules.`,
    playbookNewer: 'This playbook was saved by a newer version of Smart Tasks. Update the app to apply it.',
    playbookInvalid:
      'The playbook stored for this smart process cannot be read. An administrator can open and save it again.',
    playbookUnreadable: 'The playbook could not be read from Bitrix24. Reload the panel to try again.',
    checklistLines: (count: number, locale: string) =>
      plural(locale, count, {
        one: `checklist of ${formatCount(locale, count)} item`,
        other: `checklist of ${formatCount(locale, count)} items`,
      }),
    missingTasks: (items: number, tasks: number, locale: string) =>
      `${plural(locale, items, {
        one: `${formatCount(locale, items)} item`,
        other: `${formatCount(locale, items)} items`,
      })}, ${plural(locale, tasks, {
        one: `${formatCount(locale, tasks)} missing task`,
        other: `${formatCount(locale, tasks)} missing tasks`,
      })}.`,
    countingMissing: (looked: number, total: number, locale: string) =>
      `Looking for the tasks the items already have… ${formatCount(locale, looked)} of ${formatCount(locale, total)}`,
    countMissing: 'Count the missing tasks',
    missingLater: 'Each item gets only the tasks it is missing; the run finds them as it goes.',
    startPlaybook: (tasks: number, locale: string) =>
      plural(locale, tasks, {
        one: `Create ${formatCount(locale, tasks)} missing task`,
        other: `Create ${formatCount(locale, tasks)} missing tasks`,
      }),
    startPlaybookNeedsStage: 'Choose a stage first',
    startPlaybookUpTo: (items: number, locale: string) =>
      plural(locale, items, {
        one: `Apply the playbook to ${formatCount(locale, items)} item`,
        other: `Apply the playbook to ${formatCount(locale, items)} items`,
      }),
    confirmPlaybookTitle: (items: number, tasks: number | null, locale: string) =>
      tasks === null
        ? plural(locale, items, {
            one: `Apply the playbook to ${formatCount(locale, items)} item?`,
            other: `Apply the playbook to ${formatCount(locale, items)} items?`,
          })
        : `${plural(locale, tasks, {
            one: `Create ${formatCount(locale, tasks)} missing task`,
            other: `Create ${formatCount(locale, tasks)} missing tasks`,
          })} ${plural(locale, items, {
            one: `for ${formatCount(locale, items)} item?`,
            other: `for ${formatCount(locale, items)} items?`,
          })}`,
    confirmTemplates: 'Templates',
    confirmOnlyMissing: 'An item that already has a task of a template (open or completed) does not get it again.',
    tasksCreated: (count: number, locale: string) => `Tasks created: ${formatCount(locale, count)}`,
    // A playbook run counts tasks and items apart: every other counter names its unit.
    itemsSkipped: (count: number, locale: string) => `Items skipped: ${formatCount(locale, count)}`,
    itemsFailed: (count: number, locale: string) => `Items failed: ${formatCount(locale, count)}`,
    itemsRemaining: (count: number, locale: string) => `Items remaining: ${formatCount(locale, count)}`,
    reportPlaybookSummary: (items: number, tasks: number, skipped: number, failed: number, locale: string) =>
      `${plural(locale, tasks, {
        one: `${formatCount(locale, tasks)} task created`,
        other: `${formatCount(locale, tasks)} tasks created`,
      })} for ${plural(locale, items, {
        one: `${formatCount(locale, items)} item`,
        other: `${formatCount(locale, items)} items`,
      })}; ${formatCount(locale, skipped)} had every task; ${formatCount(locale, failed)} failed.`,
    openTemplateTask: (taskTitle: string) => `Open the task “${taskTitle}”`,
    checklistLinesMissing: (count: number, locale: string) =>
      plural(locale, count, {
        one: `Bitrix24 refused ${formatCount(locale, count)} checklist line. Its task was created: open it to add the line.`,
        other: `Bitrix24 refused ${formatCount(locale, count)} checklist lines. Their tasks were created: open them to add the lines.`,
      }),
  },
  {
    ru: {
      loadingLabel: 'Загрузка воронок и стадий',
      loadFailed: 'Не удалось загрузить воронки и стадии.',
      heading: (smartProcess: string) => `Массовые связанные задачи: ${smartProcess}`,
      intro: 'Создайте по одной задаче, связанной с элементом, для каждого выбранного здесь элемента.',
      whichItems: 'Какие элементы',
      funnel: 'Воронка',
      allFunnels: 'Все воронки',
      stage: 'Стадия',
      anyStage: 'Любая стадия',
      stageNeedsFunnel: 'Выберите воронку, чтобы выбрать её стадию.',
      responsibleFilter: 'Ответственный за элемент',
      anyone: 'Любой',
      choosePerson: 'Выбрать…',
      clearPerson: 'Любой ответственный',
      onlyWithoutOpenTask: 'Только элементы без открытой связанной задачи',
      onlyTasksYouSee:
        'Учитываются только задачи, которые вы видите в Битрикс24: задача коллеги, в которой вы не участвуете, не учитывается. Если коллега сейчас запускает те же элементы, договоритесь, кто это делает.',
      counting: 'Считаем элементы…',
      countFailed: 'Не удалось посчитать элементы.',
      matches: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Подходит ${formatCount(locale, count)} элемент.`,
          few: `Подходят ${formatCount(locale, count)} элемента.`,
          many: `Подходят ${formatCount(locale, count)} элементов.`,
          other: `Подходят ${formatCount(locale, count)} элемента.`,
        }),
      withoutOpenTask: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Из них ${formatCount(locale, count)} без открытой связанной задачи.`,
          few: `Из них ${formatCount(locale, count)} без открытой связанной задачи.`,
          many: `Из них ${formatCount(locale, count)} без открытой связанной задачи.`,
          other: `Из них ${formatCount(locale, count)} без открытой связанной задачи.`,
        }),
      countingOpen: (looked: number, total: number, locale: string) =>
        `Ищем открытые связанные задачи… ${formatCount(locale, looked)} из ${formatCount(locale, total)}`,
      countExactly: 'Посчитать элементы без открытой задачи',
      skippedLater: 'Элементы, у которых уже есть открытая связанная задача, будут пропущены во время запуска.',
      theTask: 'Задача',
      taskTitle: 'Название',
      taskDescription: 'Описание',
      insert: 'Вставить:',
      placeholder: {
        title: 'название элемента',
        id: 'ID элемента',
        stage: 'стадию',
        responsible: 'ответственного',
      },
      insertPlaceholder: (name: string) => `Вставить ${name}`,
      unknownPlaceholder: (name: string) =>
        `{${name}} — не подстановка. Используйте {title}, {id}, {stage} или {responsible}.`,
      titleMissing: 'Введите название.',
      deadlineInvalid: 'Введите корректные дату и время или оставьте поле пустым.',
      taskResponsible: 'Ответственный за задачу',
      eachItemsResponsible: 'Ответственный каждого элемента (вы, если у элемента его нет)',
      onePerson: 'Один человек:',
      deadline: 'Крайний срок',
      deadlineHint: 'Оставьте пустым, если срок не нужен.',
      defaultTitle: '{title}: следующий шаг',
      markerLabel: 'Создано Smart Tasks массово, запуск',
      start: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Создать ${formatCount(locale, count)} задачу`,
          few: `Создать до ${formatCount(locale, count)} задач`,
          many: `Создать до ${formatCount(locale, count)} задач`,
          other: `Создать до ${formatCount(locale, count)} задачи`,
        }),
      nothingToDo: 'Подходящих элементов нет: измените фильтр.',
      linksOff: (tab: string) =>
        `Этот смарт-процесс не разрешает связь с задачами, поэтому задачи создадутся без связи. Сначала включите связь на вкладке «${tab}» в карточке элемента.`,
      noStorage: 'Этот браузер не позволяет Smart Tasks запомнить запуск: не закрывайте страницу до его завершения.',
      progressLabel: 'Ход массового запуска',
      created: (count: number, locale: string) => `Создано: ${formatCount(locale, count)}`,
      skipped: (count: number, locale: string) => `Пропущено: ${formatCount(locale, count)}`,
      failed: (count: number, locale: string) => `Ошибок: ${formatCount(locale, count)}`,
      remaining: (count: number, locale: string) => `Осталось: ${formatCount(locale, count)}`,
      timeLeft: (milliseconds: number) => {
        const { seconds, minutes } = minutesOrSeconds(milliseconds);
        return seconds < 90 ? `Осталось около ${seconds} с` : `Осталось около ${minutes} мин`;
      },
      waitingRateLimit: 'Битрикс24 попросил не спешить; продолжим через мгновение…',
      waitingConnection: 'Битрикс24 не отвечает; пробуем снова…',
      cancel: 'Приостановить',
      cancelling: 'Приостанавливаем после текущего шага…',
      pausedTitle: 'Запуск приостановлен',
      pausedText:
        'Ничего не потеряно: при продолжении сначала проверяется, какие элементы уже получили задачу, так что второй задачи не будет.',
      pausedByConnection: 'Связь с Битрикс24 прервалась.',
      pausedByRateLimit: 'Битрикс24 продолжал просить не спешить.',
      pausedRefused: 'Битрикс24 отказался продолжать:',
      resume: 'Продолжить',
      discard: 'Отменить этот запуск',
      runningElsewhereTitle: 'Выполняется в другой вкладке',
      runningElsewhereText:
        'Этот запуск идёт в другой вкладке или окне этого браузера; здесь виден его ход. Когда ту вкладку закроют, запуск можно будет продолжить здесь.',
      lastRunTitle: 'Ваш последний запуск завершён',
      waitingOperatingLimit: (time: string) =>
        `Битрикс24 исчерпал время обработки, отведённое приложению на создание задач. Запуск ждёт и продолжится в ${time}; ни один элемент не отмечен как ошибочный.`,
      pausedByOperatingLimit: 'Битрикс24 исчерпал время обработки, отведённое приложению на создание задач.',
      sdkWaiting: 'Ждём лимита запросов Битрикс24 перед следующим запросом…',
      reportTitle: 'Запуск завершён',
      reportSummary: (created: number, skipped: number, failed: number, locale: string) =>
        `Создано: ${formatCount(locale, created)}, пропущено: ${formatCount(locale, skipped)}, ошибок: ${formatCount(locale, failed)}.`,
      copiesRemoved: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Найдена и удалена ${formatCount(locale, count)} копия из-за повторного запроса.`,
          few: `Найдены и удалены ${formatCount(locale, count)} копии из-за повторных запросов.`,
          many: `Найдено и удалено ${formatCount(locale, count)} копий из-за повторных запросов.`,
          other: `Найдены и удалены ${formatCount(locale, count)} копии из-за повторных запросов.`,
        }),
      createdTasks: 'Созданные задачи',
      openTask: (itemTitle: string) => `Открыть задачу для «${itemTitle}»`,
      itemFallback: (id: number) => `Элемент №${id}`,
      showAll: (count: number, locale: string) => `Показать все ${formatCount(locale, count)}`,
      notListed: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Ещё ${formatCount(locale, count)} задача не показана.`,
          few: `Ещё ${formatCount(locale, count)} задачи не показаны.`,
          many: `Ещё ${formatCount(locale, count)} задач не показано.`,
          other: `Ещё ${formatCount(locale, count)} задачи не показаны.`,
        }),
      failedItems: 'Элементы без задачи',
      failedItemsPlaybook: 'Элементы, получившие не все задачи',
      reason: {
        rejected: 'Битрикс24 отклонил задачу.',
        'rate-limited': 'Битрикс24 оставался перегружен.',
        'operating-limit': 'Битрикс24 исчерпал время обработки, отведённое приложению.',
        unreachable: 'Битрикс24 не ответил.',
        'item-missing': 'Элемента больше нет.',
        'no-responsible':
          'Правило плейбука не называет никого, кому можно поручить задачу (сотрудник уволен или неизвестен либо поле элемента пустое).',
      },
      retryFailed: 'Повторить неудавшиеся',
      newRun: 'Новый запуск',
      startExact: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Создать ${formatCount(locale, count)} задачу`,
          few: `Создать ${formatCount(locale, count)} задачи`,
          many: `Создать ${formatCount(locale, count)} задач`,
          other: `Создать ${formatCount(locale, count)} задачи`,
        }),
      startCounting: 'Считаем элементы…',
      personMissing: 'Выберите человека, который получит задачи.',
      confirmTitle: (count: number, exact: boolean, locale: string) =>
        exact
          ? plural(locale, count, {
              one: `Создать ${formatCount(locale, count)} связанную задачу?`,
              few: `Создать ${formatCount(locale, count)} связанные задачи?`,
              many: `Создать ${formatCount(locale, count)} связанных задач?`,
              other: `Создать ${formatCount(locale, count)} связанной задачи?`,
            })
          : `Создать до ${formatCount(locale, count)} связанных задач?`,
      confirmUpTo: 'Элементы, у которых уже есть открытая связанная задача, будут пропущены во время запуска.',
      confirmFor: 'Ответственный',
      confirmForEach: 'ответственный каждого элемента (вы, если у элемента его нет)',
      confirmDeadline: 'Крайний срок',
      confirmNoDeadline: 'нет',
      confirmTaskTitle: 'Название',
      back: 'Назад',
      lastRunOn: (date: string) => `Последний запуск: ${date}`,
      showReport: 'Показать отчёт',
      hideReport: 'Скрыть отчёт',
      skippedItems: 'Пропущенные элементы',
      skipReason: {
        'open-task': 'У элемента уже есть открытая связанная задача.',
        'other-run': 'Другой запуск в тот же момент создал ему задачу.',
        'has-templates': 'У элемента уже есть задача по каждому шаблону плейбука.',
      },
      chooseItemResponsible: 'Выбрать ответственного за элементы',
      chooseTaskResponsible: 'Выбрать, кто получит задачи',
      whatEachGets: 'Что получит каждый элемент',
      modeTemplate: 'Одну задачу по шаблону ниже',
      modePlaybook: 'Недостающие задачи из плейбука стадии',
      playbookTitle: 'Плейбук стадии',
      playbookNeedsStage: 'Выберите воронку и стадию: плейбук относится к стадии.',
      playbookNone: (stage: string) =>
        `Для стадии «${stage}» плейбук не настроен. Администратор настраивает его на странице настроек приложения или в роботах.`,
      playbookNewer: 'Этот плейбук сохранён более новой версией Smart Tasks. Обновите приложение, чтобы применить его.',
      playbookInvalid:
        'Плейбук этого смарт-процесса не удаётся прочитать. Администратор может открыть и сохранить его заново.',
      playbookUnreadable: 'Не удалось прочитать плейбук из Битрикс24. Перезагрузите панель, чтобы попробовать снова.',
      checklistLines: (count: number, locale: string) =>
        plural(locale, count, {
          one: `чек-лист из ${formatCount(locale, count)} пункта`,
          few: `чек-лист из ${formatCount(locale, count)} пунктов`,
          many: `чек-лист из ${formatCount(locale, count)} пунктов`,
          other: `чек-лист из ${formatCount(locale, count)} пункта`,
        }),
      missingTasks: (items: number, tasks: number, locale: string) =>
        `${plural(locale, items, {
          one: `${formatCount(locale, items)} элемент`,
          few: `${formatCount(locale, items)} элемента`,
          many: `${formatCount(locale, items)} элементов`,
          other: `${formatCount(locale, items)} элемента`,
        })}, ${plural(locale, tasks, {
          one: `${formatCount(locale, tasks)} недостающая задача`,
          few: `${formatCount(locale, tasks)} недостающие задачи`,
          many: `${formatCount(locale, tasks)} недостающих задач`,
          other: `${formatCount(locale, tasks)} недостающей задачи`,
        })}.`,
      countingMissing: (looked: number, total: number, locale: string) =>
        `Ищем задачи, которые у элементов уже есть… ${formatCount(locale, looked)} из ${formatCount(locale, total)}`,
      countMissing: 'Посчитать недостающие задачи',
      missingLater: 'Каждый элемент получит только недостающие задачи; запуск найдёт их по ходу.',
      startPlaybook: (tasks: number, locale: string) =>
        plural(locale, tasks, {
          one: `Создать ${formatCount(locale, tasks)} недостающую задачу`,
          few: `Создать ${formatCount(locale, tasks)} недостающие задачи`,
          many: `Создать ${formatCount(locale, tasks)} недостающих задач`,
          other: `Создать ${formatCount(locale, tasks)} недостающей задачи`,
        }),
      startPlaybookNeedsStage: 'Сначала выберите стадию',
      startPlaybookUpTo: (items: number, locale: string) =>
        plural(locale, items, {
          one: `Применить плейбук к ${formatCount(locale, items)} элементу`,
          few: `Применить плейбук к ${formatCount(locale, items)} элементам`,
          many: `Применить плейбук к ${formatCount(locale, items)} элементам`,
          other: `Применить плейбук к ${formatCount(locale, items)} элемента`,
        }),
      confirmPlaybookTitle: (items: number, tasks: number | null, locale: string) =>
        tasks === null
          ? `Применить плейбук к ${formatCount(locale, items)} ${plural(locale, items, { one: 'элементу', few: 'элементам', many: 'элементам', other: 'элемента' })}?`
          : `${plural(locale, tasks, {
              one: `Создать ${formatCount(locale, tasks)} недостающую задачу`,
              few: `Создать ${formatCount(locale, tasks)} недостающие задачи`,
              many: `Создать ${formatCount(locale, tasks)} недостающих задач`,
              other: `Создать ${formatCount(locale, tasks)} недостающей задачи`,
            })} для ${formatCount(locale, items)} ${plural(locale, items, { one: 'элемента', few: 'элементов', many: 'элементов', other: 'элемента' })}?`,
      confirmTemplates: 'Шаблоны',
      confirmOnlyMissing:
        'Элемент, у которого уже есть задача по шаблону (открытая или завершённая), не получит её повторно.',
      tasksCreated: (count: number, locale: string) => `Создано задач: ${formatCount(locale, count)}`,
      itemsSkipped: (count: number, locale: string) => `Пропущено элементов: ${formatCount(locale, count)}`,
      itemsFailed: (count: number, locale: string) => `Элементов с ошибкой: ${formatCount(locale, count)}`,
      itemsRemaining: (count: number, locale: string) => `Осталось элементов: ${formatCount(locale, count)}`,
      reportPlaybookSummary: (items: number, tasks: number, skipped: number, failed: number, locale: string) => {
        // Genitive after "для" and "у": 1 элемента, 2/5 элементов.
        const ofItems = (count: number) =>
          `${formatCount(locale, count)} ${plural(locale, count, { one: 'элемента', few: 'элементов', many: 'элементов', other: 'элемента' })}`;
        return `Создано задач: ${formatCount(locale, tasks)} для ${ofItems(items)}; у ${ofItems(skipped)} уже были все задачи; ошибок: ${formatCount(locale, failed)}.`;
      },
      openTemplateTask: (taskTitle: string) => `Открыть задачу «${taskTitle}»`,
      checklistLinesMissing: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Битрикс24 отклонил ${formatCount(locale, count)} пункт чек-листа. Задача создана: откройте её, чтобы добавить пункт.`,
          few: `Битрикс24 отклонил ${formatCount(locale, count)} пункта чек-листов. Задачи созданы: откройте их, чтобы добавить пункты.`,
          many: `Битрикс24 отклонил ${formatCount(locale, count)} пунктов чек-листов. Задачи созданы: откройте их, чтобы добавить пункты.`,
          other: `Битрикс24 отклонил ${formatCount(locale, count)} пункта чек-листов. Задачи созданы: откройте их, чтобы добавить пункты.`,
        }),
    },
    de: {
      loadingLabel: 'Pipelines und Phasen werden geladen',
      loadFailed: 'Pipelines und Phasen konnten nicht geladen werden.',
      heading: (smartProcess: string) => `Verknüpfte Aufgaben für mehrere Elemente: ${smartProcess}`,
      intro: 'Erstellen Sie für jedes hier gewählte Element eine Aufgabe, die mit ihm verknüpft ist.',
      whichItems: 'Welche Elemente',
      funnel: 'Pipeline',
      allFunnels: 'Alle Pipelines',
      stage: 'Phase',
      anyStage: 'Jede Phase',
      stageNeedsFunnel: 'Wählen Sie eine Pipeline, um eine ihrer Phasen zu wählen.',
      responsibleFilter: 'Verantwortliche Person des Elements',
      anyone: 'beliebig',
      choosePerson: 'Auswählen…',
      clearPerson: 'Auswahl aufheben',
      onlyWithoutOpenTask: 'Nur Elemente ohne offene verknüpfte Aufgabe',
      onlyTasksYouSee:
        'Hier zählen nur Aufgaben, die Sie in Bitrix24 sehen: die Aufgabe einer Kollegin, an der Sie nicht beteiligt sind, zählt nicht. Läuft gerade ein Kollege über dieselben Elemente, sprechen Sie sich ab.',
      counting: 'Elemente werden gezählt…',
      countFailed: 'Die Elemente konnten nicht gezählt werden.',
      matches: (count: number, locale: string) =>
        plural(locale, count, {
          one: `${formatCount(locale, count)} Element entspricht dem Filter.`,
          other: `${formatCount(locale, count)} Elemente entsprechen dem Filter.`,
        }),
      withoutOpenTask: (count: number, locale: string) =>
        plural(locale, count, {
          one: `${formatCount(locale, count)} davon hat keine offene verknüpfte Aufgabe.`,
          other: `${formatCount(locale, count)} davon haben keine offene verknüpfte Aufgabe.`,
        }),
      countingOpen: (looked: number, total: number, locale: string) =>
        `Offene verknüpfte Aufgaben werden gesucht… ${formatCount(locale, looked)} von ${formatCount(locale, total)}`,
      countExactly: 'Elemente ohne offene Aufgabe zählen',
      skippedLater: 'Elemente mit einer offenen verknüpften Aufgabe werden während des Laufs übersprungen.',
      theTask: 'Die Aufgabe',
      taskTitle: 'Titel',
      taskDescription: 'Beschreibung',
      insert: 'Einfügen:',
      placeholder: {
        title: 'Titel des Elements',
        id: 'ID des Elements',
        stage: 'Phase',
        responsible: 'verantwortliche Person',
      },
      insertPlaceholder: (name: string) => `Platzhalter „${name}“ einfügen`,
      unknownPlaceholder: (name: string) =>
        `{${name}} ist kein Platzhalter. Verwenden Sie {title}, {id}, {stage} oder {responsible}.`,
      titleMissing: 'Geben Sie einen Titel ein.',
      deadlineInvalid: 'Geben Sie ein gültiges Datum mit Uhrzeit ein oder lassen Sie das Feld leer.',
      taskResponsible: 'Verantwortlich für die Aufgabe',
      eachItemsResponsible: 'Die verantwortliche Person des jeweiligen Elements (Sie, falls keine angegeben ist)',
      onePerson: 'Eine Person:',
      deadline: 'Frist',
      deadlineHint: 'Leer lassen für keine Frist.',
      defaultTitle: '{title}: nächster Schritt',
      markerLabel: 'Von Smart Tasks für mehrere Elemente erstellt, Lauf',
      start: (count: number, locale: string) =>
        plural(locale, count, {
          one: `${formatCount(locale, count)} Aufgabe erstellen`,
          other: `Bis zu ${formatCount(locale, count)} Aufgaben erstellen`,
        }),
      nothingToDo: 'Kein Element entspricht dem Filter. Ändern Sie den Filter.',
      linksOff: (tab: string) =>
        `Dieser Smart-Prozess erlaubt keine Verknüpfung mit Aufgaben; die Aufgaben würden ohne Verknüpfung erstellt. Schalten Sie die Verknüpfung zuerst auf der Registerkarte „${tab}“ eines Elements ein.`,
      noStorage:
        'Dieser Browser lässt Smart Tasks den Lauf nicht speichern: Lassen Sie diese Seite bis zum Ende geöffnet.',
      progressLabel: 'Fortschritt des Laufs',
      created: (count: number, locale: string) => `Erstellt: ${formatCount(locale, count)}`,
      skipped: (count: number, locale: string) => `Übersprungen: ${formatCount(locale, count)}`,
      failed: (count: number, locale: string) => `Fehlgeschlagen: ${formatCount(locale, count)}`,
      remaining: (count: number, locale: string) => `Verbleibend: ${formatCount(locale, count)}`,
      timeLeft: (milliseconds: number) => {
        const { seconds, minutes } = minutesOrSeconds(milliseconds);
        return seconds < 90 ? `Noch etwa ${seconds} s` : `Noch etwa ${minutes} min`;
      },
      waitingRateLimit: 'Bitrix24 bittet um eine Pause; es geht gleich weiter…',
      waitingConnection: 'Keine Antwort von Bitrix24; neuer Versuch…',
      cancel: 'Anhalten',
      cancelling: 'Wird nach dem aktuellen Schritt angehalten…',
      pausedTitle: 'Der Lauf ist angehalten',
      pausedText:
        'Nichts geht verloren: Beim Fortsetzen wird zuerst geprüft, welche Elemente ihre Aufgabe schon haben, damit keines eine zweite bekommt.',
      pausedByConnection: 'Die Verbindung zu Bitrix24 ist abgebrochen.',
      pausedByRateLimit: 'Bitrix24 hat wiederholt um eine Pause gebeten.',
      pausedRefused: 'Bitrix24 hat das Fortsetzen abgelehnt:',
      resume: 'Fortsetzen',
      discard: 'Diesen Lauf verwerfen',
      runningElsewhereTitle: 'Läuft in einem anderen Tab',
      runningElsewhereText:
        'Dieser Lauf geht in einem anderen Tab oder Fenster dieses Browsers weiter; sein Fortschritt wird hier gezeigt. Sobald jener Tab geschlossen ist, können Sie den Lauf hier übernehmen.',
      lastRunTitle: 'Ihr letzter Lauf ist beendet',
      waitingOperatingLimit: (time: string) =>
        `Bitrix24 hat die Verarbeitungszeit der App für das Anlegen von Aufgaben vorerst aufgebraucht. Der Lauf wartet und geht um ${time} weiter; kein Element wird als fehlgeschlagen markiert.`,
      pausedByOperatingLimit:
        'Bitrix24 hat die Verarbeitungszeit der App für das Anlegen von Aufgaben vorerst aufgebraucht.',
      sdkWaiting: 'Warten auf das Anfragelimit von Bitrix24 vor der nächsten Anfrage…',
      reportTitle: 'Lauf beendet',
      reportSummary: (created: number, skipped: number, failed: number, locale: string) =>
        `${formatCount(locale, created)} erstellt, ${formatCount(locale, skipped)} übersprungen, ${formatCount(locale, failed)} fehlgeschlagen.`,
      copiesRemoved: (count: number, locale: string) =>
        plural(locale, count, {
          one: `${formatCount(locale, count)} Kopie durch eine wiederholte Anfrage wurde gefunden und gelöscht.`,
          other: `${formatCount(locale, count)} Kopien durch wiederholte Anfragen wurden gefunden und gelöscht.`,
        }),
      createdTasks: 'Erstellte Aufgaben',
      openTask: (itemTitle: string) => `Aufgabe zu „${itemTitle}“ öffnen`,
      itemFallback: (id: number) => `Element #${id}`,
      showAll: (count: number, locale: string) => `Alle ${formatCount(locale, count)} anzeigen`,
      notListed: (count: number, locale: string) =>
        plural(locale, count, {
          one: `${formatCount(locale, count)} weitere Aufgabe ist nicht aufgeführt.`,
          other: `${formatCount(locale, count)} weitere Aufgaben sind nicht aufgeführt.`,
        }),
      failedItems: 'Elemente ohne Aufgabe',
      failedItemsPlaybook: 'Elemente, die nicht alle Aufgaben erhalten haben',
      reason: {
        rejected: 'Bitrix24 hat die Aufgabe abgelehnt.',
        'rate-limited': 'Bitrix24 blieb überlastet.',
        'operating-limit': 'Bitrix24 hatte die Verarbeitungszeit der App aufgebraucht.',
        unreachable: 'Keine Antwort von Bitrix24.',
        'item-missing': 'Das Element gibt es nicht mehr.',
        'no-responsible':
          'Die Regel des Playbooks nennt niemanden, der die Aufgabe erhalten kann (die Person ist deaktiviert oder unbekannt, oder das Feld des Elements ist leer).',
      },
      retryFailed: 'Fehlgeschlagene erneut versuchen',
      newRun: 'Neuen Lauf starten',
      startExact: (count: number, locale: string) =>
        plural(locale, count, {
          one: `${formatCount(locale, count)} Aufgabe erstellen`,
          other: `${formatCount(locale, count)} Aufgaben erstellen`,
        }),
      startCounting: 'Elemente werden gezählt…',
      personMissing: 'Wählen Sie die Person, die die Aufgaben erhält.',
      confirmTitle: (count: number, exact: boolean, locale: string) =>
        exact
          ? plural(locale, count, {
              one: `${formatCount(locale, count)} verknüpfte Aufgabe erstellen?`,
              other: `${formatCount(locale, count)} verknüpfte Aufgaben erstellen?`,
            })
          : `Bis zu ${formatCount(locale, count)} verknüpfte Aufgaben erstellen?`,
      confirmUpTo: 'Elemente mit einer offenen verknüpften Aufgabe werden während des Laufs übersprungen.',
      confirmFor: 'Verantwortlich',
      confirmForEach: 'die verantwortliche Person des jeweiligen Elements (Sie, falls keine angegeben ist)',
      confirmDeadline: 'Frist',
      confirmNoDeadline: 'keine',
      confirmTaskTitle: 'Titel',
      back: 'Zurück',
      lastRunOn: (date: string) => `Letzter Lauf am ${date}`,
      showReport: 'Bericht anzeigen',
      hideReport: 'Bericht ausblenden',
      skippedItems: 'Übersprungene Elemente',
      skipReason: {
        'open-task': 'Es hat bereits eine offene verknüpfte Aufgabe.',
        'other-run': 'Ein anderer Lauf hat ihm im selben Moment eine Aufgabe erstellt.',
        'has-templates': 'Es hat bereits eine Aufgabe zu jeder Vorlage des Playbooks.',
      },
      chooseItemResponsible: 'Verantwortliche Person der Elemente auswählen',
      chooseTaskResponsible: 'Person auswählen, die die Aufgaben erhält',
      whatEachGets: 'Was jedes Element erhält',
      modeTemplate: 'Eine Aufgabe nach der Vorlage unten',
      modePlaybook: 'Die fehlenden Aufgaben aus dem Playbook der Phase',
      playbookTitle: 'Playbook der Phase',
      playbookNeedsStage: 'Wählen Sie eine Pipeline und eine Phase: Ein Playbook gehört zu einer Phase.',
      playbookNone: (stage: string) =>
        `Für „${stage}“ ist kein Playbook eingerichtet. Administratoren richten es auf der Einstellungsseite der App oder in den Automatisierungsregeln ein.`,
      playbookNewer:
        'Dieses Playbook wurde mit einer neueren Version von Smart Tasks gespeichert. Aktualisieren Sie die App, um es anzuwenden.',
      playbookInvalid:
        'Das gespeicherte Playbook dieses Smart-Prozesses ist nicht lesbar. Administratoren können es öffnen und erneut speichern.',
      playbookUnreadable:
        'Das Playbook konnte nicht aus Bitrix24 gelesen werden. Laden Sie das Fenster neu, um es erneut zu versuchen.',
      checklistLines: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Checkliste mit ${formatCount(locale, count)} Punkt`,
          other: `Checkliste mit ${formatCount(locale, count)} Punkten`,
        }),
      missingTasks: (items: number, tasks: number, locale: string) =>
        `${plural(locale, items, {
          one: `${formatCount(locale, items)} Element`,
          other: `${formatCount(locale, items)} Elemente`,
        })}, ${plural(locale, tasks, {
          one: `${formatCount(locale, tasks)} fehlende Aufgabe`,
          other: `${formatCount(locale, tasks)} fehlende Aufgaben`,
        })}.`,
      countingMissing: (looked: number, total: number, locale: string) =>
        `Vorhandene Aufgaben der Elemente werden gesucht… ${formatCount(locale, looked)} von ${formatCount(locale, total)}`,
      countMissing: 'Fehlende Aufgaben zählen',
      missingLater: 'Jedes Element erhält nur die Aufgaben, die ihm fehlen; der Lauf ermittelt sie unterwegs.',
      startPlaybook: (tasks: number, locale: string) =>
        plural(locale, tasks, {
          one: `${formatCount(locale, tasks)} fehlende Aufgabe erstellen`,
          other: `${formatCount(locale, tasks)} fehlende Aufgaben erstellen`,
        }),
      startPlaybookNeedsStage: 'Zuerst eine Phase wählen',
      startPlaybookUpTo: (items: number, locale: string) =>
        plural(locale, items, {
          one: `Playbook auf ${formatCount(locale, items)} Element anwenden`,
          other: `Playbook auf ${formatCount(locale, items)} Elemente anwenden`,
        }),
      confirmPlaybookTitle: (items: number, tasks: number | null, locale: string) =>
        tasks === null
          ? plural(locale, items, {
              one: `Playbook auf ${formatCount(locale, items)} Element anwenden?`,
              other: `Playbook auf ${formatCount(locale, items)} Elemente anwenden?`,
            })
          : `${plural(locale, tasks, {
              one: `${formatCount(locale, tasks)} fehlende Aufgabe`,
              other: `${formatCount(locale, tasks)} fehlende Aufgaben`,
            })} ${plural(locale, items, {
              one: `für ${formatCount(locale, items)} Element erstellen?`,
              other: `für ${formatCount(locale, items)} Elemente erstellen?`,
            })}`,
      confirmTemplates: 'Vorlagen',
      confirmOnlyMissing:
        'Ein Element, das bereits eine Aufgabe zu einer Vorlage hat (offen oder erledigt), erhält sie nicht noch einmal.',
      tasksCreated: (count: number, locale: string) => `Aufgaben erstellt: ${formatCount(locale, count)}`,
      itemsSkipped: (count: number, locale: string) => `Elemente übersprungen: ${formatCount(locale, count)}`,
      itemsFailed: (count: number, locale: string) => `Elemente fehlgeschlagen: ${formatCount(locale, count)}`,
      itemsRemaining: (count: number, locale: string) => `Elemente verbleibend: ${formatCount(locale, count)}`,
      reportPlaybookSummary: (items: number, tasks: number, skipped: number, failed: number, locale: string) =>
        `${plural(locale, tasks, {
          one: `${formatCount(locale, tasks)} Aufgabe erstellt`,
          other: `${formatCount(locale, tasks)} Aufgaben erstellt`,
        })} für ${plural(locale, items, {
          one: `${formatCount(locale, items)} Element`,
          other: `${formatCount(locale, items)} Elemente`,
        })}; ${plural(locale, skipped, {
          one: `${formatCount(locale, skipped)} hatte schon alle`,
          other: `${formatCount(locale, skipped)} hatten schon alle`,
        })}; ${formatCount(locale, failed)} fehlgeschlagen.`,
      openTemplateTask: (taskTitle: string) => `Aufgabe „${taskTitle}“ öffnen`,
      checklistLinesMissing: (count: number, locale: string) =>
        plural(locale, count, {
          one: `Bitrix24 hat ${formatCount(locale, count)} Checklistenpunkt abgelehnt. Die Aufgabe wurde erstellt: Öffnen Sie sie, um den Punkt hinzuzufügen.`,
          other: `Bitrix24 hat ${formatCount(locale, count)} Checklistenpunkte abgelehnt. Die Aufgaben wurden erstellt: Öffnen Sie sie, um die Punkte hinzuzufügen.`,
        }),
    },
  },
);
