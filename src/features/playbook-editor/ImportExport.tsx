/**
 * Export (the playbook as a JSON file) and import (a file or pasted JSON): validated like a
 * stored document, a newer schema refused, and what it would change shown before it is applied
 * to the editor (saving stays a separate, deliberate step).
 */
import { useState } from 'react';
import type { PlaybookDocument } from '../../domain/playbooks/playbook';
import {
  parsePlaybookDocument,
  serialisePlaybookDocument,
  type PlaybookProblem,
} from '../../domain/playbooks/playbook-document';
import {
  adoptImported,
  normalisedForSave,
  playbookChanges,
  unknownStageIds,
  type PlaybookChange,
} from '../../domain/playbooks/playbook-editing';
import { useI18n, useMessages } from '../../i18n';
import { Alert, Button, Field, Panel, TextArea } from '../../ui';
import { useUser } from '../../queries/users';
import { playbookEditorMessages } from './messages';
import { ProblemList } from './ProblemList';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'newer' }
  | { kind: 'invalid'; problems: PlaybookProblem[] }
  | { kind: 'ready'; document: PlaybookDocument; changes: PlaybookChange[]; unknownStages: string[] };

/** The export's file name: `smart-tasks-playbook-177.json`. */
export function exportFileName(entityTypeId: number): string {
  return `smart-tasks-playbook-${entityTypeId}.json`;
}

export function ImportExport({
  document,
  canImport,
  knownStageIds,
  stageLabel,
  onImport,
}: {
  document: PlaybookDocument;
  smartProcessTitle: string;
  canImport: boolean;
  knownStageIds: ReadonlySet<string>;
  stageLabel: (stageId: string) => string;
  onImport: (document: PlaybookDocument) => void;
}) {
  const text = useMessages(playbookEditorMessages);
  const { locale } = useI18n();
  const [pasted, setPasted] = useState('');
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  function download() {
    const json = serialisePlaybookDocument(normalisedForSave(document));
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = window.document.createElement('a');
    link.href = url;
    link.download = exportFileName(document.entityTypeId);
    link.click();
    // The click has handed the blob to the download; the URL may go.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  function check(json: string) {
    const outcome = parsePlaybookDocument(json, { entityTypeId: document.entityTypeId });
    if (outcome.kind === 'newer-schema') setState({ kind: 'newer' });
    else if (outcome.kind === 'invalid') setState({ kind: 'invalid', problems: outcome.problems });
    else {
      const next = adoptImported(document, outcome.document);
      setState({
        kind: 'ready',
        document: next,
        changes: playbookChanges(normalisedForSave(document), next),
        unknownStages: unknownStageIds(next, knownStageIds),
      });
    }
  }

  function changeText(change: PlaybookChange): string {
    const stage = stageLabel(change.stageId);
    switch (change.kind) {
      case 'added':
        return text.changeAdded(stage, change.title);
      case 'removed':
        return text.changeRemoved(stage, change.title);
      case 'changed':
        return text.changeChanged(stage, change.title);
      case 'reordered':
        return text.changeReordered(stage);
    }
  }

  return (
    <Panel title={text.exportImport}>
      <div className="st-stack">
        <p className="st-muted">{text.exportHint}</p>
        <div className="st-actions">
          <Button onClick={download}>{text.exportJson}</Button>
        </div>
        {canImport && (
          <>
            <Field label={text.importFile}>
              {(control) => (
                <input
                  {...control}
                  className="st-playbook__file"
                  type="file"
                  accept="application/json,.json"
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    if (!file) return;
                    void file
                      .text()
                      .then(check, () => setState({ kind: 'invalid', problems: [{ path: '', kind: 'not-json' }] }));
                    event.target.value = '';
                  }}
                />
              )}
            </Field>
            <Field label={text.importPaste}>
              {(control) => (
                <TextArea {...control} rows={3} value={pasted} onChange={(event) => setPasted(event.target.value)} />
              )}
            </Field>
            <div className="st-actions">
              <Button disabled={pasted.trim() === ''} onClick={() => check(pasted)}>
                {text.importCheck}
              </Button>
            </div>
          </>
        )}
        {state.kind === 'newer' && <Alert tone="danger">{text.importNewer}</Alert>}
        {state.kind === 'invalid' && (
          <Alert tone="danger" title={text.importInvalid}>
            <ProblemList problems={state.problems} document={null} stageLabel={stageLabel} />
          </Alert>
        )}
        {state.kind === 'ready' && (
          <Alert
            tone="info"
            title={state.changes.length > 0 ? text.importWillChange : text.importNoChange}
            actions={
              <>
                {state.changes.length > 0 && (
                  <Button
                    variant="primary"
                    size="small"
                    onClick={() => {
                      onImport(state.document);
                      setState({ kind: 'idle' });
                      setPasted('');
                    }}
                  >
                    {text.importApply}
                  </Button>
                )}
                <Button size="small" onClick={() => setState({ kind: 'idle' })}>
                  {text.importCancel}
                </Button>
              </>
            }
          >
            <ul className="st-playbook__problems">
              {state.changes.map((change, index) => (
                <li key={index}>{changeText(change)}</li>
              ))}
            </ul>
            {state.unknownStages.length > 0 && <p>{text.importUnknownStages(state.unknownStages.length, locale)}</p>}
            <ul className="st-playbook__problems">
              {importedUserIds(state.document).map((id) => (
                <MissingUser key={id} userId={id} />
              ))}
            </ul>
          </Alert>
        )}
      </div>
    </Panel>
  );
}

/** How many imported user ids are looked up (one user.get each, cached): enough for any real playbook. */
const USER_CHECK_LIMIT = 30;

/** The user ids the imported document names (fixed responsibles, participants, observers), each once. */
function importedUserIds(document: PlaybookDocument): number[] {
  const ids = new Set<number>();
  for (const stage of document.stages) {
    for (const template of stage.templates) {
      if (template.responsible.kind === 'user') ids.add(template.responsible.userId);
      for (const id of [...template.participantIds, ...template.observerIds]) ids.add(id);
    }
  }
  return [...ids].filter((id) => id > 0).slice(0, USER_CHECK_LIMIT);
}

/** A line in the import's change list when the portal does not know the user (another portal's id). */
function MissingUser({ userId }: { userId: number }) {
  const text = useMessages(playbookEditorMessages);
  const user = useUser(userId);
  return user.data === null ? <li>{text.importUnknownUser(userId)}</li> : null;
}
