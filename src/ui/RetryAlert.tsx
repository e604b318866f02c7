import type { ReactNode } from 'react';
import { isBitrixError } from '../bitrix/errors';
import { commonMessages, useMessages } from '../i18n';
import { Alert, type AlertTone } from './Alert';
import { Button } from './Button';

/**
 * Whether asking again can change the answer. The portal's refusals of this user or of this
 * thing (access denied, not found, a method the portal lacks) answer the same every time, so
 * offering "Try again" for them only promises what cannot happen. Anything else may pass later.
 */
export function retryCanHelp(error: unknown): boolean {
  if (!isBitrixError(error)) return true;
  return error.kind !== 'access-denied' && error.kind !== 'not-found' && error.kind !== 'method-not-found';
}

/**
 * Something could not be read: what and why, with a "Try again" that is busy while it runs.
 * Given the `error`, the button is left out when asking again cannot help (`retryCanHelp`).
 */
export function RetryAlert({
  tone = 'danger',
  title,
  children,
  onRetry,
  retrying,
  size,
  error,
}: {
  tone?: AlertTone;
  title: ReactNode;
  children?: ReactNode;
  onRetry: () => void;
  retrying: boolean;
  size?: 'medium' | 'small';
  /** The failure itself: a permanent one (access denied, not found) gets no "Try again". */
  error?: unknown;
}) {
  const common = useMessages(commonMessages);
  const retryable = error === undefined || retryCanHelp(error);
  return (
    <Alert
      tone={tone}
      title={title}
      actions={
        retryable ? (
          <Button variant="secondary" size={size} busy={retrying} onClick={onRetry}>
            {common.retry}
          </Button>
        ) : undefined
      }
    >
      {children}
    </Alert>
  );
}
