import { Component, type ErrorInfo, type ReactNode } from 'react';
import { FrameFailed } from './LaunchProblem';

interface State {
  failed: boolean;
}

/**
 * A surface that throws while rendering shows the frame's failure view (with Reload) instead of
 * a blank frame. Data failures never get here: each query shows its own error with "Try again"
 * (QueryView); this catches what nothing else does.
 */
export class SurfaceErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The console is where a developer looking at the frame finds what failed, and where.
    console.error('Smart Tasks: a surface failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <FrameFailed messageKey="unknown" stage="render" /> : this.props.children;
  }
}
