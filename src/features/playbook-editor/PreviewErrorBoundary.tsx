/**
 * Keeps a failure of the live preview inside the preview: it shows `fallback` instead of taking
 * the whole editor (and the admin's unsaved edits) down to the frame's failure view. Tried again
 * whenever `resetKey` changes (the document being edited), so fixing the field brings it back.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failedFor: string | null;
}

export class PreviewErrorBoundary extends Component<
  { resetKey: string; fallback: ReactNode; children: ReactNode },
  State
> {
  override state: State = { failedFor: null };

  static getDerivedStateFromError(): Partial<State> {
    return { failedFor: '' };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Remember which document failed, so the next edit tries again.
    this.setState({ failedFor: this.props.resetKey });
    console.error('Smart Tasks: the playbook preview failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    const { failedFor } = this.state;
    const failed = failedFor === '' || (failedFor !== null && failedFor === this.props.resetKey);
    return failed ? this.props.fallback : this.props.children;
  }
}
