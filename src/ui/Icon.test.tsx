import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Icon, ICON_NAMES } from './Icon';

afterEach(cleanup);

describe('Icon', () => {
  it('is hidden from screen readers by default: the text beside it says the same', () => {
    const { container } = render(
      <p>
        <Icon name="deadline" /> Deadline
      </p>,
    );
    const svg = container.querySelector('svg');
    expect(svg?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('with a label is announced as an image by that label', () => {
    render(<Icon name="priority" label="High priority" />);
    expect(screen.getByRole('img', { name: 'High priority' })).toBeTruthy();
  });

  it('draws every named icon at the size asked for, in the text colour', () => {
    for (const name of ICON_NAMES) {
      const { container, unmount } = render(<Icon name={name} size={20} />);
      const svg = container.querySelector('svg');
      expect(svg, name).not.toBeNull();
      expect(svg?.getAttribute('width')).toBe('20');
      expect(svg?.getAttribute('stroke')).toBe('currentColor');
      unmount();
    }
  });
});
