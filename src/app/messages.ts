import { defineMessages } from '../i18n';

export const appMessages = defineMessages(
  {
    appName: 'Smart Tasks',
    starting: 'Connecting to Bitrix24…',
    frameFailedTitle: 'Bitrix24 did not answer',
    frameFailedText: 'Smart Tasks could not start inside this Bitrix24 page.',
    reload: 'Reload',
    surfaceFailedTitle: 'Something went wrong on this page',
    surfaceFailedText:
      'Smart Tasks could not show this part. Nothing was changed in Bitrix24 by the failure; reload to try again.',
    unknownPlacementTitle: 'Smart Tasks does not know this place',
    unknownPlacementText: (placement: string) =>
      `Bitrix24 opened Smart Tasks in “${placement}”, which this version does not serve. An administrator can re-sync the app’s placements on its settings page.`,
    malformedOptionsTitle: 'Bitrix24 sent data Smart Tasks cannot read',
    malformedOptionsText:
      'The information about this item did not arrive in a readable form. Reload the page; if it stays, tell your administrator.',
    missingItemTitle: 'Which item is this?',
    missingItemText: 'Bitrix24 did not say which item this is. Reload the page; if it stays, tell your administrator.',
    notAvailableTitle: 'Not available in this version',
    notAvailableText: 'This part of Smart Tasks is not included in this version of the app.',
    outsideTitle: 'Smart Tasks for Bitrix24',
    outsideIntro:
      'This is Smart Tasks, an app that shows and creates tasks linked to smart-process items. It runs inside a Bitrix24 portal, which opens it in a tab of the item form. Opened on its own, as now, it has nothing to show.',
    outsideInstallTitle: 'Install it on your Bitrix24',
    outsideInstallSteps: [
      'Package the app: npm run package writes smart-tasks-<version>.zip.',
      'In Bitrix24, as an administrator, open Applications → Developer resources → Other → Local application and upload the archive.',
      'Tick the permissions crm, task, user and placement, and save.',
      'Open the app once as that administrator: it installs its tabs and menus on every smart process.',
    ],
    outsideSelfHostText:
      'Hosting the app yourself instead? Choose a server application in the same form and give it these addresses (an HTTPS host that answers POST requests with the file):',
    handlerAddress: 'Handler address',
    installAddress: 'Install address',
    scopes: 'Scopes',
    outsideTryTitle: 'Try it without a portal',
    outsideTryText:
      'The repository ships a Bitrix24 emulator. Run npm install && npm start, then open the item address it prints: the Smart Tasks tab is already there.',
  },
  {
    ru: {
      appName: 'Smart Tasks',
      starting: 'Подключение к Битрикс24…',
      frameFailedTitle: 'Битрикс24 не ответил',
      frameFailedText: 'Smart Tasks не удалось запуститься на этой странице Битрикс24.',
      reload: 'Обновить',
      surfaceFailedTitle: 'На этой странице что-то пошло не так',
      surfaceFailedText:
        'Smart Tasks не удалось показать эту часть. Сбой ничего не изменил в Битрикс24; обновите страницу, чтобы попробовать снова.',
      unknownPlacementTitle: 'Smart Tasks не знает это место',
      unknownPlacementText: (placement: string) =>
        `Битрикс24 открыл Smart Tasks в «${placement}», а эта версия там не работает. Администратор может заново синхронизировать места встраивания на странице настроек приложения.`,
      malformedOptionsTitle: 'Битрикс24 передал данные, которые Smart Tasks не может прочитать',
      malformedOptionsText:
        'Сведения об элементе пришли в нечитаемом виде. Обновите страницу; если не поможет, сообщите администратору.',
      missingItemTitle: 'Какой это элемент?',
      missingItemText:
        'Битрикс24 не сообщил, какой это элемент. Обновите страницу; если не поможет, сообщите администратору.',
      notAvailableTitle: 'Недоступно в этой версии',
      notAvailableText: 'Эта часть Smart Tasks не входит в эту версию приложения.',
      outsideTitle: 'Smart Tasks для Битрикс24',
      outsideIntro:
        'Это Smart Tasks — приложение, которое показывает и создаёт задачи, связанные с элементами смарт-процессов. Оно работает внутри портала Битрикс24, который открывает его во вкладке карточки. Открытое отдельно, как сейчас, оно ничего не покажет.',
      outsideInstallTitle: 'Установка на ваш Битрикс24',
      outsideInstallSteps: [
        'Соберите архив приложения: npm run package создаёт smart-tasks-<версия>.zip.',
        'В Битрикс24 под администратором откройте Приложения → Разработчикам → Другое → Локальное приложение и загрузите архив.',
        'Отметьте права crm, task, user и placement и сохраните.',
        'Откройте приложение один раз под этим администратором: оно установит свои вкладки и меню во все смарт-процессы.',
      ],
      outsideSelfHostText:
        'Хотите разместить приложение на своём сервере? Выберите в той же форме серверное приложение и укажите эти адреса (HTTPS-хостинг, который отвечает на POST-запросы самим файлом):',
      handlerAddress: 'Адрес обработчика',
      installAddress: 'Адрес установки',
      scopes: 'Права',
      outsideTryTitle: 'Попробовать без портала',
      outsideTryText:
        'В репозитории есть эмулятор Битрикс24. Выполните npm install && npm start и откройте адрес элемента, который будет выведен: вкладка Smart Tasks уже на месте.',
    },
    de: {
      appName: 'Smart Tasks',
      starting: 'Verbindung zu Bitrix24 wird hergestellt…',
      frameFailedTitle: 'Bitrix24 hat nicht geantwortet',
      frameFailedText: 'Smart Tasks konnte auf dieser Bitrix24-Seite nicht starten.',
      reload: 'Neu laden',
      surfaceFailedTitle: 'Auf dieser Seite ist etwas schiefgelaufen',
      surfaceFailedText:
        'Smart Tasks konnte diesen Teil nicht anzeigen. Der Fehler hat in Bitrix24 nichts verändert; laden Sie neu, um es erneut zu versuchen.',
      unknownPlacementTitle: 'Smart Tasks kennt diesen Ort nicht',
      unknownPlacementText: (placement: string) =>
        `Bitrix24 hat Smart Tasks in „${placement}“ geöffnet, was diese Version nicht bedient. Ein Administrator kann die Einbindungen auf der Einstellungsseite der App neu synchronisieren.`,
      malformedOptionsTitle: 'Bitrix24 hat Daten gesendet, die Smart Tasks nicht lesen kann',
      malformedOptionsText:
        'Die Angaben zu diesem Element kamen nicht lesbar an. Laden Sie die Seite neu; bleibt es so, wenden Sie sich an Ihren Administrator.',
      missingItemTitle: 'Welches Element ist das?',
      missingItemText:
        'Bitrix24 hat nicht mitgeteilt, um welches Element es geht. Laden Sie die Seite neu; bleibt es so, wenden Sie sich an Ihren Administrator.',
      notAvailableTitle: 'In dieser Version nicht verfügbar',
      notAvailableText: 'Dieser Teil von Smart Tasks ist in dieser Version der App nicht enthalten.',
      outsideTitle: 'Smart Tasks für Bitrix24',
      outsideIntro:
        'Das ist Smart Tasks, eine App, die mit Smart-Process-Elementen verknüpfte Aufgaben zeigt und anlegt. Sie läuft in einem Bitrix24-Portal, das sie in einem Tab des Elementformulars öffnet. Für sich allein geöffnet, wie jetzt, hat sie nichts zu zeigen.',
      outsideInstallTitle: 'Auf Ihrem Bitrix24 installieren',
      outsideInstallSteps: [
        'Packen Sie die App: npm run package schreibt smart-tasks-<Version>.zip.',
        'Öffnen Sie in Bitrix24 als Administrator Anwendungen → Entwicklerressourcen → Andere → Lokale Anwendung und laden Sie das Archiv hoch.',
        'Wählen Sie die Berechtigungen crm, task, user und placement und speichern Sie.',
        'Öffnen Sie die App einmal als dieser Administrator: Sie richtet ihre Tabs und Menüs in allen Smart Processes ein.',
      ],
      outsideSelfHostText:
        'Möchten Sie die App selbst hosten? Wählen Sie im selben Formular eine Server-Anwendung und tragen Sie diese Adressen ein (ein HTTPS-Host, der POST-Anfragen mit der Datei selbst beantwortet):',
      handlerAddress: 'Handler-Adresse',
      installAddress: 'Installationsadresse',
      scopes: 'Berechtigungen',
      outsideTryTitle: 'Ohne Portal ausprobieren',
      outsideTryText:
        'Das Repository enthält einen Bitrix24-Emulator. Führen Sie npm install && npm start aus und öffnen Sie die ausgegebene Elementadresse: Der Smart-Tasks-Tab ist schon da.',
    },
  },
);
