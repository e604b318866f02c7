import type { ReactNode } from 'react';
import { commonMessages, useMessages } from '../i18n';
import { Alert, type AlertTone } from './Alert';
import { Button } from './Button';

/** Something could not be read: what and why, with a "Try again" that is busy while it runs. */
export function RetryAlert({
  tone = 'danger',
  title,
  children,
  onRetry,
  retrying,
  size,
}: {
  tone?: AlertTone;
  title: ReactNode;
  children?: ReactNode;
  onRetry: () => void;
  retrying: boolean;
  size?: 'medium' | 'small';
}) {
  const common = useMessages(commonMessages);
  return (
    <Alert
      tone={tone}
      title={title}
      actions={
        <Button variant="secondary" size={size} busy={retrying} onClick={onRetry}>
          {common.retry}
        </Button>
      }
    >
      {children}
    </Alert>
  );
}
