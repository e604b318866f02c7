import { useState } from 'react';
import type { SmartProcessRef } from '../../domain/install/binding-plan';
import { PlaybookEditor } from '../../features/playbook-editor/PlaybookEditor';
import { useMessages } from '../../i18n';
import { Field, Panel, Select } from '../../ui';
import { stagePlaybooksMessages } from './stage-playbooks-messages';

/**
 * The app page's "Stage playbooks" section: the admin chooses a smart process and edits its
 * playbook in the same editor as the automation designer's menu. Nothing is read until a smart
 * process is chosen, so the page itself opens as fast as before.
 */
export function StagePlaybooks({ smartProcesses }: { smartProcesses: readonly SmartProcessRef[] }) {
  const text = useMessages(stagePlaybooksMessages);
  const [entityTypeId, setEntityTypeId] = useState<number | null>(null);
  if (smartProcesses.length === 0) return null;
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
                onChange={(event) => setEntityTypeId(event.target.value ? Number(event.target.value) : null)}
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
          {entityTypeId !== null && <PlaybookEditor key={entityTypeId} entityTypeId={entityTypeId} />}
        </div>
      </Panel>
    </div>
  );
}
