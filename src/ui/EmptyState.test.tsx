import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from './Button';
import { EmptyState } from './EmptyState';

afterEach(cleanup);

describe('EmptyState', () => {
  it('says what is missing and offers the action that fills the place, in a group named by its title', () => {
    const onCreate = vi.fn();
    render(
      <EmptyState
        icon="checklist"
        title="No linked tasks yet"
        actions={
          <Button variant="primary" onClick={onCreate}>
            Create task
          </Button>
        }
      >
        Create the first one with one click.
      </EmptyState>,
    );
    const group = screen.getByRole('group', { name: 'No linked tasks yet' });
    expect(group.textContent).toContain('Create the first one with one click.');
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(onCreate).toHaveBeenCalledOnce();
    // The icon is decoration: the words say it.
    expect(group.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});
