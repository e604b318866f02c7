/**
 * Save (admins only) and what became of it: saved at …, or why nothing was written — another
 * admin's newer revision (reload; the edits stay here to export), too large, invalid (each
 * problem named), a newer schema stored meanwhile, or the portal's own failure.
 */
import { useState } from 'react';
import { BitrixError } from '../../bitrix';
import type { PlaybookDocument } from '../../domain/playbooks/playbook';
import { APP_OPTIONS_MAX_BYTES } from '../../domain/playbooks/option-budget';
import { normalisedForSave } from '../../domain/playbooks/playbook-editing';
import { useErrorText, useI18n, useMessages } from '../../i18n';
import { PlaybookSaveRefused, useSavePlaybook, type PlaybookSaveRefusal } from '../../queries/playbooks';
import { useUser, type User } from '../../queries/users';
import { Alert, Button } from '../../ui';
import { playbookEditorMessages } from './messages';
import { ProblemList } from './ProblemList';

/** Bytes as whole KB (1,024 bytes), rounded up so a full room never reads as having space. */
function kilobytes(format: { number: (value: number) => string }, bytes: number): string {
  return format.number(Math.ceil(bytes / 1024));
}

export function SaveBar({
  draft,
  baseRevision,
  dirty,
  roomBytes,
  userId,
  people,
  stageLabel,
  onSaved,
  onDiscard,
  onReload,
  unsavable = null,
}: {
  draft: PlaybookDocument;
  baseRevision: number;
  dirty: boolean;
  /** Bytes the app's options would take with this draft saved (domain/playbooks/option-budget.ts). */
  roomBytes: number;
  userId: number;
  people: ReadonlyMap<number, User>;
  stageLabel: (stageId: string) => string;
  onSaved: (document: PlaybookDocument) => void;
  onDiscard: () => void;
  onReload: () => void;
  /** Why this draft must not be saved though it is a valid document ({field:…} names the smart process lacks); null = none. */
  unsavable?: string | null;
}) {
  const text = useMessages(playbookEditorMessages);
  const errorText = useErrorText();
  const { format } = useI18n();
  const save = useSavePlaybook(draft.entityTypeId);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [blocked, setBlocked] = useState(false);
  const failure = save.error;
  const refusal = failure instanceof PlaybookSaveRefused ? failure.refusal : null;

  function run() {
    setSavedAt(null);
    setBlocked(unsavable !== null);
    if (unsavable !== null) return;
    const document = normalisedForSave(draft);
    save.mutate(
      { document, baseRevision, userId },
      {
        onSuccess: (saved) => {
          setSavedAt(saved.savedAt);
          onSaved(saved);
        },
      },
    );
  }

  return (
    <div className="st-stack">
      {blocked && unsavable !== null && (
        <Alert tone="warning" title={text.invalidTitle}>
          {unsavable}
        </Alert>
      )}
      {refusal && (
        <Refusal
          refusal={refusal}
          draft={normalisedForSave(draft)}
          people={people}
          stageLabel={stageLabel}
          onReload={onReload}
        />
      )}
      {failure && !refusal && (
        <Alert
          tone="danger"
          title={failure instanceof BitrixError && failure.leavesWriteUncertain ? text.saveUncertain : text.saveFailed}
        >
          {errorText(failure)} {text.keptHere}
          {failure instanceof BitrixError && failure.leavesWriteUncertain ? ` ${text.saveAgainSafe}` : ''}
        </Alert>
      )}
      <div className="st-actions st-playbook__save">
        <Button variant="primary" busy={save.isPending} disabled={!dirty && !save.isPending} onClick={run}>
          {save.isPending ? text.saving : text.save}
        </Button>
        {dirty && !save.isPending && (
          <Button variant="link" onClick={onDiscard}>
            {text.discard}
          </Button>
        )}
        <span className="st-muted" role="status">
          {dirty ? text.unsaved : savedAt ? text.saved(format.dateTime(savedAt)) : ''}
        </span>
      </div>
      <p className={roomBytes > APP_OPTIONS_MAX_BYTES ? 'st-error-line' : 'st-muted'}>
        {text.room(kilobytes(format, roomBytes), kilobytes(format, APP_OPTIONS_MAX_BYTES))}
      </p>
    </div>
  );
}

function Refusal({
  refusal,
  draft,
  people,
  stageLabel,
  onReload,
}: {
  refusal: PlaybookSaveRefusal;
  draft: PlaybookDocument;
  people: ReadonlyMap<number, User>;
  stageLabel: (stageId: string) => string;
  onReload: () => void;
}) {
  const text = useMessages(playbookEditorMessages);
  const { format } = useI18n();
  const savedBy = refusal.kind === 'newer-revision' ? refusal.savedBy : null;
  const user = useUser(savedBy !== null && !people.has(savedBy) ? savedBy : null);
  switch (refusal.kind) {
    case 'not-admin':
      return <Alert tone="danger">{text.notAdminRefused}</Alert>;
    case 'newer-schema':
      return <Alert tone="danger">{text.newerSchemaRefused}</Alert>;
    case 'too-large':
      return (
        <Alert tone="danger" title={text.saveFailed}>
          {text.tooLarge(kilobytes(format, refusal.bytes), kilobytes(format, refusal.limit))}
        </Alert>
      );
    case 'invalid':
      return (
        <Alert tone="danger" title={text.invalidTitle}>
          <ProblemList problems={refusal.problems} document={draft} stageLabel={stageLabel} />
        </Alert>
      );
    case 'newer-revision': {
      const name = people.get(refusal.savedBy)?.name || user.data?.name || text.userFallback(refusal.savedBy);
      const at = refusal.savedAt ? format.dateTime(refusal.savedAt) : '';
      return (
        <Alert
          tone="warning"
          title={text.saveFailed}
          actions={
            <Button size="small" onClick={onReload}>
              {text.reload}
            </Button>
          }
        >
          {text.newerRevision(at, name)}
        </Alert>
      );
    }
  }
}
