import { defaultTaskDraft, type TaskDraft } from '../../domain/task-draft';
import { useBitrix } from '../../bitrix';
import { useI18n, useMessages } from '../../i18n';
import { linkedTaskMessages } from './messages';
import type { LinkedItem } from './load-linked-item';

/**
 * The task one click creates for the item, with nothing typed: title from the smart process and
 * the item, the item's responsible (else the user), a deadline a few working days from the
 * moment it is asked for, and a description leading back to the item.
 */
export function useDefaultDraft({
  item,
  smartProcess,
  currentUser,
  responsible,
}: Pick<LinkedItem, 'item' | 'smartProcess' | 'currentUser'> &
  Partial<Pick<LinkedItem, 'responsible'>>): () => TaskDraft {
  const text = useMessages(linkedTaskMessages);
  const boundary = useBitrix();
  const { format } = useI18n();
  return () =>
    defaultTaskDraft({
      smartProcessTitle: smartProcess.title,
      itemTitle: item.title,
      itemId: item.id,
      itemResponsibleId: item.assignedById,
      itemResponsibleActive: responsible?.id === item.assignedById ? responsible.active : undefined,
      currentUserId: currentUser.id,
      now: new Date(boundary.portalNow()),
      timeZone: format.timeZone,
      descriptionIntro: text.descriptionIntro(smartProcess.title, item.title || `#${item.id}`),
    });
}
