import { useState } from 'react';
import type { SmartProcessRef } from '../../domain/install/binding-plan';
import { PlaybookEditor } from '../../features/playbook-editor/PlaybookEditor';
import { useMessages } from '../../i18n';
import { Alert, Button, Field, Panel, Select } from '../../ui';
import { stagePlaybooksMessages } from './stage-playbooks-messages';

/**
 * The app page's "Stage playbooks" section: the admin chooses a smart process and edits its
 * playbook in the same editor as the automation designer's menu. Nothing is read until a smart
 * process is chosen, so the page itself opens as fast as before.
 */
export function StagePlaybooks({ smartProcesses }: { smartProcesses: readonly SmartProcessRef[] }) {
  const text = useMessages(stagePlaybooksMessages);
  const [entityTypeId, setEntityTypeId] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);
  // A switch asked for while the editor holds unsaved changes waits for the admin's word.
  const [pending, setPending] = useState<number | null | undefined>(undefined);
  if (smartProcesses.length === 0) return null;

  function choose(next: number | null) {
    if (dirty && next !== entityTypeId) setPending(next);
    else setEntityTypeId(next);
  }
  return (
    <div className="st-surface st-surface--embedded">
      <Panel title={text.title}>
        <div className="st-stack">
          <p className="st-muted">{text.intro}</p>
          <Field label={text.smartProcess}>
            {(control) => (
              <Select
                {...control}
                value={entityTypeId ?? ''}
                onChange={(event) => choose(event.target.value ? Number(event.target.value) : null)}
              >
                <option value="">{text.choose}</option>
                {smartProcesses.map((process) => (
                  <option key={process.entityTypeId} value={process.entityTypeId}>
                    {process.title}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {pending !== undefined && (
            <Alert
              tone="warning"
              actions={
                <>
                  <Button
                    size="small"
                    onClick={() => {
                      setDirty(false);
                      setEntityTypeId(pending);
                      setPending(undefined);
                    }}
                  >
                    {text.switchAnyway}
                  </Button>
                  <Button size="small" variant="primary" onClick={() => setPending(undefined)}>
                    {text.stayHere}
                  </Button>
                </>
              }
            >
              {text.unsavedSwitch}
            </Alert>
          )}
          {entityTypeId !== null && (
            <PlaybookEditor key={entityTypeId} entityTypeId={entityTypeId} onDirtyChange={setDirty} />
          )}
        </div>
      </Panel>
    </div>
  );
}
