import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useBitrix } from '../../bitrix';
import type { TaskDraft } from '../../domain/task-draft';
import { createLinkedTask, intentTarget, settlePendingCreate, type CreatedLinkedTask } from './create-linked-task';
import { addLinkedTask } from '../../queries/tasks';
import type { LinkedItem } from './load-linked-item';
import { itemClickTarget, useOneClickCreate } from './use-one-click-create';

/** Benchmarks (bench/create-task.bench.ts) measure click → confirmation from these marks. */
export const CREATE_START_MARK = 'smart-tasks:create-start';
export const CREATE_DONE_MARK = 'smart-tasks:create-done';

/**
 * The "create task" action of every surface, with the one-click guarantee of
 * {@link useOneClickCreate} (src/features/create-linked-task/create-linked-task.ts). Pending
 * clicks are the current user's only, on this portal. A created task joins exactly the item's list.
 */
export function useCreateLinkedTask(data: Pick<LinkedItem, 'item' | 'currentUser' | 'linkCode'>) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  const { item, currentUser, linkCode } = data;

  const showCreated = useCallback(
    (result: CreatedLinkedTask) => {
      if (result.linkKept !== false) addLinkedTask(queryClient, item.entityTypeId, item.id, result.task);
    },
    [queryClient, item.entityTypeId, item.id],
  );

  const action = useOneClickCreate<TaskDraft, CreatedLinkedTask>({
    currentUserId: currentUser.id,
    intentTarget: intentTarget(item.entityTypeId, item.id),
    run: (deps, draft, onPhase) => createLinkedTask(deps, { ...itemClickTarget(boundary, data), draft }, onPhase),
    settle: (deps) => settlePendingCreate(deps, item.entityTypeId, item.id, linkCode, currentUser.id),
    show: showCreated,
    marks: { start: CREATE_START_MARK, done: CREATE_DONE_MARK },
  });

  const { create, phase, busy, result, error, reset } = action;
  return { create, phase, busy, created: result, error, reset };
}
