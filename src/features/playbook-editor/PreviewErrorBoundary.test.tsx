import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PreviewErrorBoundary } from './PreviewErrorBoundary';

afterEach(cleanup);

function Preview({ amount }: { amount: number }) {
  if (amount < 0) throw new RangeError('workingDays must be a non-negative integer');
  return <p>Due in {amount} days</p>;
}

function Editor({ amount }: { amount: number }) {
  return (
    <div>
      <input aria-label="Title" defaultValue="Unsaved title" />
      <PreviewErrorBoundary resetKey={String(amount)} fallback={<p>No preview</p>}>
        <Preview amount={amount} />
      </PreviewErrorBoundary>
    </div>
  );
}

describe('PreviewErrorBoundary', () => {
  it('shows a failing preview as a message, keeps the editor around it, and tries again after the next edit', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { rerender } = render(<Editor amount={-5} />);
    expect(screen.getByText('No preview')).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Unsaved title');
    rerender(<Editor amount={2} />);
    expect(screen.getByText('Due in 2 days')).toBeTruthy();
    quiet.mockRestore();
  });
});
