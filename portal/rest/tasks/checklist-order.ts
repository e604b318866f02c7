/** The order a task's checklist items are shown and answered in (kept apart so the host data can read it without the REST side). */
import type { StoredChecklistItem } from '../../state/state-types';
import type { PortalStore } from '../../state/store';

/** Every checklist item of a task, in display order (tree order, siblings by sort index then id). */
export function checklistOf(store: PortalStore, taskId: number): StoredChecklistItem[] {
  const items = (store.state.checklistItems ?? []).filter((item) => item.taskId === taskId);
  const children = (parentId: number) =>
    items.filter((item) => item.parentId === parentId).sort((a, b) => a.sortIndex - b.sortIndex || a.id - b.id);
  const ordered: StoredChecklistItem[] = [];
  const walk = (parentId: number) => {
    for (const item of children(parentId)) {
      ordered.push(item);
      walk(item.id);
    }
  };
  walk(0);
  // Items whose parent vanished still belong to the task; they come last rather than disappear.
  for (const item of items) if (!ordered.includes(item)) ordered.push(item);
  return ordered;
}
