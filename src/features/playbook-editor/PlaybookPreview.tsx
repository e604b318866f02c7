/**
 * The live preview: the stage's templates (then any stage's) rendered on the newest item of that
 * stage, exactly as the card will create them (H2's renderPlaybookTemplate: placeholders, rules,
 * deadline by the portal's clock in the user's zone). With no item there, the templates as written.
 */
import { useQuery } from '@tanstack/react-query';
import { useBitrix } from '../../bitrix';
import { ANY_STAGE, type PlaybookDocument } from '../../domain/playbooks/playbook';
import { templatesForStage } from '../../domain/playbooks/playbook-document';
import { deadlineAmountValid, normalisedForSave } from '../../domain/playbooks/playbook-editing';
import { buildFieldViews } from '../../domain/fields';
import { renderPlaybookTemplate, type RenderedTemplate } from '../../domain/playbooks/playbook-render';
import { playbookRenderContext } from '../stage-playbook/render-context';
import { useI18n, useMessages } from '../../i18n';
import { loadPreviewItem, playbookKeys, userTypeFields, type PlaybookEditorSetup } from '../../queries/playbooks';
import { Panel } from '../../ui';
import { playbookEditorMessages } from './messages';

export function PlaybookPreview({
  setup,
  document,
  categoryId,
  stageId,
}: {
  setup: PlaybookEditorSetup;
  document: PlaybookDocument;
  categoryId: number | null;
  stageId: string;
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
  const allStages = [...setup.stagesByCategory.values()].flat();
  const lookups = {
    entityTypeIdByShortCode: new Map<string, number>(),
    entityTypeIdBySymbolCode: new Map<string, number>(),
    categoryNames: new Map(setup.categories.map((category) => [category.id, category.name])),
  };
  // The same context the card renders with (features/stage-playbook), so the preview is what the
  // card will create: field texts as the tab shows them, people by name, the portal's clock.
  const context = item
    ? playbookRenderContext({
        item: item.item,
        smartProcess: setup.smartProcess,
        currentUser: setup.currentUser,
        responsible: item.item.assignedById ? (item.people.get(item.item.assignedById) ?? null) : null,
        stages: allStages,
        categories: setup.categories,
        views: buildFieldViews(setup.fields, item.item.values, lookups),
        names: {
          users: new Map([...setup.people, ...item.people]),
          crmTitles: new Map(),
          statusNames: new Map(),
        },
        format,
        words: { yes: text.yes, no: text.no },
        portalNow: boundary.portalNow(),
      })
    : null;

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
          if (!item || !context) {
            return (
              <li key={template.key}>
                <strong>{template.title}</strong>
              </li>
            );
          }
          // A deadline amount still being typed (-5, 1.5, empty) is not counted: the field says
          // what is wrong. Anything else that fails here is shown for this task only, never
          // thrown: the editor and its unsaved edits stay.
          const countable = !template.deadline || deadlineAmountValid(template.deadline);
          let rendered: RenderedTemplate;
          try {
            rendered = renderPlaybookTemplate(countable ? template : { ...template, deadline: null }, context);
          } catch {
            return (
              <li key={template.key}>
                <strong>{template.title}</strong>
                <div className="st-muted">{text.previewRenderFailed}</div>
              </li>
            );
          }
          const responsible = rendered.responsibleProblem
            ? text.previewNeedsChoice
            : text.previewResponsible(
                context.people.get(rendered.draft.responsibleId)?.name ??
                  text.userFallback(rendered.draft.responsibleId),
              );
          return (
            <li key={template.key}>
              <strong>{rendered.draft.title}</strong>
              <div className="st-muted">
                {responsible} ·{' '}
                {!countable
                  ? text.previewDeadlineInvalid
                  : rendered.draft.deadline
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
