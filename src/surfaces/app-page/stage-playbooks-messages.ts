import { defineMessages } from '../../i18n';

/** The app page's "Stage playbooks" section (its own catalog: the page's is shared by others). */
export const stagePlaybooksMessages = defineMessages(
  {
    title: 'Stage playbooks',
    intro:
      'The tasks each stage needs, created in one click from the item. Also in each smart process’s automation rules menu.',
    smartProcess: 'Smart process',
    choose: 'Choose a smart process…',
    unsavedSwitch: 'This playbook has unsaved changes. Switching drops them.',
    switchAnyway: 'Switch and drop them',
    stayHere: 'Stay and save',
  },
  {
    ru: {
      title: 'Задачи по стадиям',
      intro:
        'Задачи, нужные на каждой стадии, создаются из элемента в один клик. Также в меню роботов каждого смарт-процесса.',
      smartProcess: 'Смарт-процесс',
      choose: 'Выберите смарт-процесс…',
      unsavedSwitch: 'В этих задачах по стадиям есть несохранённые изменения. При переключении они пропадут.',
      switchAnyway: 'Переключиться без них',
      stayHere: 'Остаться и сохранить',
    },
    de: {
      title: 'Aufgaben je Phase',
      intro:
        'Die Aufgaben, die jede Phase braucht, mit einem Klick aus dem Element angelegt. Auch im Menü der Automatisierungsregeln jedes Smart-Prozesses.',
      smartProcess: 'Smart-Prozess',
      choose: 'Smart-Prozess auswählen…',
      unsavedSwitch: 'Diese Aufgaben je Phase haben ungespeicherte Änderungen. Beim Wechsel gehen sie verloren.',
      switchAnyway: 'Wechseln und verwerfen',
      stayHere: 'Bleiben und speichern',
    },
  },
);
