/**
 * The stage-playbook editor of one smart process, shared by the automation designer's menu
 * (surfaces/playbook-editor) and the app page's "Stage playbooks" section: funnel and stage
 * pickers, the stage's templates, a live preview on a real item, save (admins only, never over a
 * newer revision or schema), export and import. Non-admins and newer-schema documents read only.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useBitrix } from '../../bitrix';
import { ANY_STAGE, type PlaybookDocument, type PlaybookTemplate } from '../../domain/playbooks/playbook';
import {
  emptyPlaybookDocument,
  PLAYBOOK_LIMITS,
  serialisePlaybookDocument,
} from '../../domain/playbooks/playbook-document';
import {
  addTemplate,
  blankTemplate,
  keysInDocument,
  mintTemplateKey,
  moveTemplate,
  normalisedForSave,
  removeTemplate,
  stageTemplates,
  suggestedPlaybook,
  unknownItemFields,
  unknownStageIds,
  updateTemplate,
} from '../../domain/playbooks/playbook-editing';
import { optionsBytesWith } from '../../domain/playbooks/option-budget';
import type { Stage } from '../../domain/stages';
import { useI18n, useMessages } from '../../i18n';
import {
  playbookKeys,
  playbookOptionName,
  usePlaybookEditorSetup,
  type PlaybookEditorSetup,
} from '../../queries/playbooks';
import type { User } from '../../queries/users';
import { Alert, Button, Field, Panel, QueryView, Select, Skeleton } from '../../ui';
import { ImportExport } from './ImportExport';
import { playbookEditorMessages } from './messages';
import { PlaybookPreview } from './PlaybookPreview';
import { PreviewErrorBoundary } from './PreviewErrorBoundary';
import { ProblemList } from './ProblemList';
import { SaveBar } from './SaveBar';
import { TemplateEditor } from './TemplateEditor';
import './playbook-editor.css';
import { InUserZone } from '../user-zone/InUserZone';

export interface PlaybookEditorProps {
  entityTypeId: number;
  /** The funnel to open on (the automation designer's), when known. */
  initialCategoryId?: number | null;
  /** Told whenever the editor starts or stops holding unsaved changes (the app page asks before switching). */
  onDirtyChange?: (dirty: boolean) => void;
}

/** Loads the smart process's playbook and shows the editor (or the failure with "Try again"). */
export function PlaybookEditor({ entityTypeId, initialCategoryId = null, onDirtyChange }: PlaybookEditorProps) {
  const setup = usePlaybookEditorSetup(entityTypeId);
  const text = useMessages(playbookEditorMessages);
  const queryClient = useQueryClient();
  // Bumped after a reload has read what is stored again: the editor then starts over from it.
  const [reloads, setReloads] = useState(0);
  async function reload() {
    await queryClient.invalidateQueries({ queryKey: playbookKeys.editor(entityTypeId) });
    setReloads((count) => count + 1);
  }
  return (
    <QueryView
      query={setup}
      className="st-stack st-playbook"
      loadingLabel={text.loadingLabel}
      skeleton={
        <>
          <Skeleton width="50%" height={22} />
          <Skeleton height={60} />
          <Skeleton height={200} />
        </>
      }
      failure={text.loadFailed}
    >
      {(data) => (
        // Deadlines in the preview on the clock of the user's Bitrix24 zone.
        <InUserZone currentUser={data.currentUser}>
          <EditorPanel
            key={reloads}
            setup={data}
            initialCategoryId={initialCategoryId}
            onReload={() => void reload()}
            onDirtyChange={onDirtyChange}
          />
        </InUserZone>
      )}
    </QueryView>
  );
}

function startingDocument(setup: PlaybookEditorSetup): PlaybookDocument {
  return setup.stored.kind === 'ok' ? setup.stored.document : emptyPlaybookDocument(setup.smartProcess.entityTypeId);
}

function EditorPanel({
  setup,
  initialCategoryId,
  onReload,
  onDirtyChange,
}: {
  setup: PlaybookEditorSetup;
  initialCategoryId: number | null;
  onReload: () => void;
  onDirtyChange: ((dirty: boolean) => void) | undefined;
}) {
  const text = useMessages(playbookEditorMessages);
  const boundary = useBitrix();
  const { locale } = useI18n();
  const isAdmin = boundary.session.isAdmin;
  const newerSchema = setup.stored.kind === 'newer-schema';
  const canEdit = isAdmin && !newerSchema;

  const [saved, setSaved] = useState<PlaybookDocument>(() => startingDocument(setup));
  const [draft, setDraft] = useState<PlaybookDocument>(saved);
  const [suggestionDismissed, setSuggestionDismissed] = useState(false);
  const [people, setPeople] = useState<ReadonlyMap<number, User>>(setup.people);
  const dirty = serialisePlaybookDocument(draft) !== serialisePlaybookDocument(saved);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  const firstCategory =
    setup.categories.find((category) => category.id === initialCategoryId) ??
    setup.categories.find((category) => category.isDefault) ??
    setup.categories[0];
  const [categoryId, setCategoryId] = useState<number | null>(firstCategory?.id ?? null);
  const stages = categoryId === null ? [] : (setup.stagesByCategory.get(categoryId) ?? []);
  const [chosenStageId, setStageId] = useState<string | null>(null);
  const stageId =
    chosenStageId !== null && (chosenStageId === ANY_STAGE || stages.some((stage) => stage.id === chosenStageId))
      ? chosenStageId
      : (stages[0]?.id ?? ANY_STAGE);
  const stage = stages.find((entry) => entry.id === stageId) ?? null;

  const allStages = useMemo(
    () => setup.categories.flatMap((category) => setup.stagesByCategory.get(category.id) ?? []),
    [setup],
  );
  const stageNames = useMemo(() => new Map(allStages.map((entry) => [entry.id, entry.name])), [allStages]);
  const suggestion = useMemo(
    () => suggestedPlaybook(setup.smartProcess.entityTypeId, allStages),
    [setup.smartProcess.entityTypeId, allStages],
  );
  const offerSuggestion =
    canEdit &&
    setup.stored.kind === 'none' &&
    !suggestionDismissed &&
    draft.stages.length === 0 &&
    suggestion.stages.length > 0;

  const templates = stageTemplates(draft, stageId);
  // Stages deleted from the smart process since: their tasks are never offered; the admin may drop them.
  const orphaned = unknownStageIds(draft, new Set(allStages.map((entry) => entry.id)));
  // `{field:…}` names the smart process has no field of: shown at the field, and never saved.
  const fieldNames = new Set(setup.fields.map((field) => field.name));
  const unknownFields = [
    ...new Set(
      draft.stages.flatMap((entry) =>
        entry.templates.flatMap((template) => [
          ...unknownItemFields(template.title, fieldNames),
          ...unknownItemFields(template.description, fieldNames),
        ]),
      ),
    ),
  ];
  const unsavable =
    unknownFields.length === 0
      ? null
      : text.unknownFields(
          unknownFields.map((name) => `{field:${name}}`).join(', '),
          setup.fields.map((field) => `{field:${field.name}}`).join(', '),
        );
  const stageLabel = (id: string) => (id === ANY_STAGE ? text.anyStage : (stageNames.get(id) ?? text.unknownStage(id)));

  function change(next: (document: PlaybookDocument) => PlaybookDocument) {
    setDraft((current) => next(current));
  }

  function addPeople(users: readonly User[]) {
    setPeople((current) => new Map([...current, ...users.map((user) => [user.id, user] as const)]));
  }

  function addNewTemplate() {
    const key = mintTemplateKey(stage?.name ?? 'any', keysInDocument(draft));
    change((document) => addTemplate(document, stageId, blankTemplate(key, text.newTemplateTitle)));
  }

  return (
    <div className="st-stack st-playbook">
      <div>
        <h1 className="st-title">{text.heading(setup.smartProcess.title)}</h1>
        <p className="st-muted">{text.intro}</p>
      </div>

      {!isAdmin && <Alert tone="info">{text.readOnlyNotAdmin}</Alert>}
      {newerSchema && (
        <Alert tone="warning" title={text.newerSchemaTitle}>
          {text.newerSchema}
        </Alert>
      )}
      {setup.stored.kind === 'invalid' && (
        <Alert tone="warning" title={text.damagedTitle}>
          {text.damaged}
          <ProblemList problems={setup.stored.problems} document={null} stageLabel={stageLabel} />
        </Alert>
      )}
      {offerSuggestion && (
        <Alert
          tone="info"
          title={text.suggestionTitle}
          actions={
            <>
              <Button variant="primary" size="small" onClick={() => setDraft({ ...draft, stages: suggestion.stages })}>
                {text.useSuggestion}
              </Button>
              <Button size="small" onClick={() => setSuggestionDismissed(true)}>
                {text.startEmpty}
              </Button>
            </>
          }
        >
          {text.suggestion(suggestion.stages.length, locale)}
        </Alert>
      )}

      {!newerSchema && orphaned.length > 0 && (
        <Alert
          tone="warning"
          actions={
            canEdit ? (
              <Button
                size="small"
                onClick={() =>
                  change((document) => ({
                    ...document,
                    stages: document.stages.filter((entry) => !orphaned.includes(entry.stageId)),
                  }))
                }
              >
                {text.orphanedDelete}
              </Button>
            ) : undefined
          }
        >
          {text.orphaned(
            orphaned.reduce((sum, stageId) => sum + stageTemplates(draft, stageId).length, 0),
            locale,
          )}
        </Alert>
      )}
      {!newerSchema && (
        <>
          <div className="st-playbook__pickers">
            {setup.categories.length > 1 && (
              <Field label={text.funnel}>
                {(control) => (
                  <Select
                    {...control}
                    value={categoryId ?? ''}
                    onChange={(event) => {
                      setCategoryId(Number(event.target.value));
                      setStageId(null);
                    }}
                  >
                    {setup.categories.map((category) => (
                      <option key={category.id} value={category.id}>
                        {category.name}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            )}
            <Field label={text.stage} hint={stageId === ANY_STAGE ? text.anyStageHint : undefined}>
              {(control) => (
                <Select {...control} value={stageId} onChange={(event) => setStageId(event.target.value)}>
                  {stages.map((entry) => (
                    <StageOption key={entry.id} stage={entry} count={stageTemplates(draft, entry.id).length} />
                  ))}
                  <option value={ANY_STAGE}>
                    {text.anyStage}
                    {stageTemplates(draft, ANY_STAGE).length > 0
                      ? ` (${text.templateCount(stageTemplates(draft, ANY_STAGE).length, locale)})`
                      : ''}
                  </option>
                </Select>
              )}
            </Field>
          </div>

          <Panel title={stageLabel(stageId)}>
            <div className="st-stack">
              {templates.length === 0 && <p className="st-muted">{text.noTemplates}</p>}
              {templates.map((template, index) => (
                <TemplateEditor
                  key={template.key}
                  template={template}
                  index={index}
                  count={templates.length}
                  readOnly={!canEdit}
                  fields={setup.fields}
                  people={people}
                  onPeoplePicked={addPeople}
                  onChange={(patch: Partial<Omit<PlaybookTemplate, 'key'>>) =>
                    change((document) => updateTemplate(document, stageId, template.key, patch))
                  }
                  onMove={(by) => change((document) => moveTemplate(document, stageId, template.key, by))}
                  onRemove={() => change((document) => removeTemplate(document, stageId, template.key))}
                />
              ))}
              {canEdit && (
                <div className="st-actions">
                  <Button onClick={addNewTemplate} disabled={templates.length >= PLAYBOOK_LIMITS.templatesPerStage}>
                    {text.addTemplate}
                  </Button>
                  {templates.length >= PLAYBOOK_LIMITS.templatesPerStage && (
                    <span className="st-muted">{text.templateLimit(PLAYBOOK_LIMITS.templatesPerStage)}</span>
                  )}
                </div>
              )}
            </div>
          </Panel>

          <PreviewErrorBoundary
            resetKey={serialisePlaybookDocument(draft)}
            fallback={
              <Alert tone="warning" title={text.preview}>
                {text.previewRenderFailed}
              </Alert>
            }
          >
            <PlaybookPreview setup={setup} document={draft} categoryId={categoryId} stageId={stageId} />
          </PreviewErrorBoundary>

          {canEdit && (
            <SaveBar
              draft={draft}
              baseRevision={saved.revision}
              dirty={dirty}
              roomBytes={optionsBytesWith(
                setup.options,
                playbookOptionName(setup.smartProcess.entityTypeId),
                serialisePlaybookDocument(normalisedForSave(draft)),
              )}
              userId={setup.currentUser.id}
              people={people}
              stageLabel={stageLabel}
              onSaved={(document) => {
                setSaved(document);
                setDraft(document);
              }}
              onDiscard={() => setDraft(saved)}
              onReload={onReload}
              unsavable={unsavable}
            />
          )}

          <ImportExport
            document={draft}
            smartProcessTitle={setup.smartProcess.title}
            canImport={canEdit}
            knownStageIds={new Set(allStages.map((entry) => entry.id))}
            stageLabel={stageLabel}
            onImport={(document) => setDraft(document)}
          />
        </>
      )}
    </div>
  );
}

function StageOption({ stage, count }: { stage: Stage; count: number }) {
  const text = useMessages(playbookEditorMessages);
  const { locale } = useI18n();
  return (
    <option value={stage.id}>
      {stage.name}
      {count > 0 ? ` (${text.templateCount(count, locale)})` : ''}
    </option>
  );
}
