/**
 * The live preview: the stage's templates (then any stage's) rendered on the newest item of that
 * stage, exactly as the card will create them (H2's renderPlaybookTemplate: placeholders, rules,
 * deadline by the portal's clock in the user's zone). With no item there, the templates as written.
 */
import { useQuery } from '@tanstack/react-query';
import { useBitrix } from '../../bitrix';
import { ANY_STAGE, type PlaybookDocument } from '../../domain/playbooks/playbook';
import { templatesForStage } from '../../domain/playbooks/playbook-document';
import { normalisedForSave } from '../../domain/playbooks/playbook-editing';
import { renderPlaybookTemplate, type PlaybookPerson } from '../../domain/playbooks/playbook-render';
import { useI18n, useMessages } from '../../i18n';
import {
  loadPreviewItem,
  playbookKeys,
  userTypeFields,
  type PlaybookEditorSetup,
  type PreviewItem,
} from '../../queries/playbooks';
import { Panel } from '../../ui';
import { playbookEditorMessages } from './messages';

/** An item field's value as text for `{field:<name>}`; null when the item has no such field. */
function fieldText(item: PreviewItem, name: string): string | null {
  if (!(name in item.item.values)) return null;
  const value = item.item.values[name];
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((entry) => String(entry)).join(', ');
  if (typeof value === 'object') return '';
  return String(value as string | number | boolean);
}

export function PlaybookPreview({
  setup,
  document,
  categoryId,
  stageId,
  stageName,
}: {
  setup: PlaybookEditorSetup;
  document: PlaybookDocument;
  categoryId: number | null;
  stageId: string;
  stageName: string;
}) {
  const text = useMessages(playbookEditorMessages);
  const boundary = useBitrix();
  const { format } = useI18n();
  const entityTypeId = setup.smartProcess.entityTypeId;
  const userFields = userTypeFields(setup.fields).map((field) => field.name);
  const preview = useQuery({
    queryKey: playbookKeys.previewItem(entityTypeId, categoryId ?? 0, stageId),
    enabled: categoryId !== null,
    staleTime: 60_000,
    queryFn: () =>
      loadPreviewItem(boundary, entityTypeId, categoryId ?? 0, stageId === ANY_STAGE ? null : stageId, userFields),
  });
  const templates = templatesForStage(normalisedForSave(document), stageId);
  if (templates.length === 0) return null;
  const item = preview.data ?? null;
  const funnelName = setup.categories.find((category) => category.id === categoryId)?.name ?? '';
  const people = new Map<number, PlaybookPerson>();
  for (const [id, user] of [...setup.people, ...(item?.people ?? [])]) {
    people.set(id, { name: user.name, ...(user.active === undefined ? {} : { active: user.active }) });
  }
  const itemStageName =
    item && item.item.stageId
      ? ([...setup.stagesByCategory.values()].flat().find((stage) => stage.id === item.item.stageId)?.name ?? stageName)
      : stageName;

  return (
    <Panel title={text.preview} className="st-playbook__preview">
      <p className="st-muted" role="status">
        {preview.isPending && categoryId !== null
          ? text.previewLoading
          : preview.isError
            ? text.previewFailed
            : item
              ? text.previewOn(item.item.title, item.item.id)
              : text.previewNoItem}
      </p>
      <ol className="st-playbook__preview-list">
        {templates.map((template) => {
          if (!item) {
            return (
              <li key={template.key}>
                <strong>{template.title}</strong>
              </li>
            );
          }
          const rendered = renderPlaybookTemplate(template, {
            item: {
              id: item.item.id,
              title: item.item.title,
              assignedById: item.item.assignedById,
              values: item.item.values,
            },
            stageName: itemStageName,
            funnelName,
            smartProcessTitle: setup.smartProcess.title,
            fieldText: (name) => fieldText(item, name),
            people,
            currentUserId: setup.currentUser.id,
            now: new Date(boundary.portalNow()),
            timeZone: format.timeZone,
          });
          const responsible = rendered.responsibleProblem
            ? text.previewNeedsChoice
            : text.previewResponsible(
                people.get(rendered.draft.responsibleId)?.name ?? text.userFallback(rendered.draft.responsibleId),
              );
          return (
            <li key={template.key}>
              <strong>{rendered.draft.title}</strong>
              <div className="st-muted">
                {responsible} ·{' '}
                {rendered.draft.deadline
                  ? text.previewDue(format.dateTime(rendered.draft.deadline))
                  : text.previewNoDeadline}
              </div>
              {rendered.draft.description && (
                <p className="st-playbook__preview-description">{rendered.draft.description}</p>
              )}
              {rendered.checklist.length > 0 && (
                <ul className="st-playbook__preview-checklist">
                  {rendered.checklist.map((line, index) => (
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
