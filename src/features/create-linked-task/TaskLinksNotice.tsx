import { useBitrix } from '../../bitrix';
import { useErrorText, useMessages } from '../../i18n';
import { useEnableTaskLinks, type SmartProcess } from '../../queries/smart-processes';
import { Alert, Button } from '../../ui';
import { linkedTaskMessages } from './messages';

/**
 * Said before any click: this smart process does not let tasks link to its items. A portal
 * admin can switch it on from here (crm.type.update); others learn whom to ask.
 */
export function TaskLinksNotice({ smartProcess }: { smartProcess: SmartProcess }) {
  const { session } = useBitrix();
  const text = useMessages(linkedTaskMessages);
  const errorText = useErrorText();
  const enable = useEnableTaskLinks(smartProcess.entityTypeId);

  if (smartProcess.allowsTaskLinks !== false) {
    return enable.isSuccess ? <Alert tone="success" title={text.linksOnTitle} /> : null;
  }
  const canEnable = session.isAdmin && smartProcess.typeId !== null;
  return (
    <Alert
      tone="warning"
      title={text.linksOffTitle}
      actions={
        canEnable ? (
          <Button variant="primary" busy={enable.isPending} onClick={() => enable.mutate(smartProcess)}>
            {text.linksOffAdmin}
          </Button>
        ) : undefined
      }
    >
      {text.linksOffText(smartProcess.title)} {!canEnable && text.linksOffAsk}
      {enable.isError && <span className="st-error-line">{errorText(enable.error)}</span>}
    </Alert>
  );
}
