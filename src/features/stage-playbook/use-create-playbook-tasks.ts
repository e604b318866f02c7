import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useBitrix } from '../../bitrix';
import type { RenderedTemplate } from '../../domain/playbooks/playbook-render';
import { addLinkedTask, taskKeys } from '../../queries/tasks';
import type { LinkedItem } from '../create-linked-task/load-linked-item';
import { itemClickTarget, useOneClickCreate } from '../create-linked-task/use-one-click-create';
import {
  createPlaybookTasks,
  playbookIntentTarget,
  PlaybookStageMovedError,
  settlePendingPlaybook,
  type PlaybookCreateResult,
} from './create-playbook-tasks';

/** Benchmarks (bench/playbook.bench.ts) measure click → confirmation from these marks. */
export const PLAYBOOK_START_MARK = 'smart-tasks:playbook-start';
export const PLAYBOOK_DONE_MARK = 'smart-tasks:playbook-done';

/** What one click asks for: the rendered templates, and the stage they belong to (null = any stage only). */
export interface PlaybookClick {
  templates: readonly RenderedTemplate[];
  expectedStageId: string | null;
}

const asksForNothing = (click: PlaybookClick) => click.templates.length === 0;

/**
 * The stage playbook's create action (features/stage-playbook/create-playbook-tasks.ts) with the
 * one-click guarantee of every create in the app ({@link useOneClickCreate}): a click while one is
 * under way does nothing, a click a reload cut off is looked up when the surface opens again,
 * recent keys are searched for late copies (the same re-checks as the free-form create). Created
 * tasks join exactly the item's linked-task list; a partial outcome or a stage that moved reads
 * the list (and, through `onStageMoved`, the surface's item) again.
 */
export function useCreatePlaybookTasks(
  data: Pick<LinkedItem, 'item' | 'currentUser' | 'linkCode'>,
  onStageMoved: () => void = () => {},
) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  const { item, currentUser, linkCode } = data;

  const showResult = useCallback(
    (result: PlaybookCreateResult) => {
      for (const entry of result.tasks)
        if (entry.linkKept !== false) addLinkedTask(queryClient, item.entityTypeId, item.id, entry.task);
      // Copies or twins were removed, or some templates are still missing: the portal's list decides.
      if (result.notCreated.length > 0 || result.tasks.some((entry) => entry.source === 'already-linked'))
        void queryClient.invalidateQueries({ queryKey: taskKeys.linked(item.entityTypeId, item.id) });
    },
    [queryClient, item.entityTypeId, item.id],
  );

  const { create, phase, busy, pendingClick, result, error, reset } = useOneClickCreate<
    PlaybookClick,
    PlaybookCreateResult
  >({
    currentUserId: currentUser.id,
    intentTarget: playbookIntentTarget(item.entityTypeId, item.id),
    run: (deps, click, onPhase) =>
      createPlaybookTasks(
        deps,
        {
          ...itemClickTarget(boundary, data),
          expectedStageId: click.expectedStageId,
          templates: click.templates,
        },
        onPhase,
      ),
    settle: (deps) => settlePendingPlaybook(deps, item.entityTypeId, item.id, linkCode, currentUser.id),
    show: showResult,
    onError: (failure) => {
      if (failure instanceof PlaybookStageMovedError) onStageMoved();
    },
    isEmpty: asksForNothing,
    marks: { start: PLAYBOOK_START_MARK, done: PLAYBOOK_DONE_MARK },
  });

  return {
    create,
    phase,
    busy,
    /** Which templates the click in flight asked for (to show "Creating…" on those only). */
    pendingKeys: pendingClick ? pendingClick.templates.map((template) => template.templateKey) : [],
    result,
    error,
    reset,
  };
}
