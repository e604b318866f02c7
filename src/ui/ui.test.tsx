import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildStageBar, type Stage } from '../domain/stages';
import { I18nProvider } from '../i18n';
import { Button } from './Button';
import { Field, TextInput } from './Field';
import { StageBar } from './StageBar';
import { Avatar } from './Avatar';

afterEach(cleanup);

describe('Button', () => {
  it('does nothing while busy, but stays focusable and says it is busy', () => {
    const onClick = vi.fn();
    render(
      <Button busy onClick={onClick}>
        Create task
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Create task' }) as HTMLButtonElement;
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-busy')).toBe('true');
  });

  it('with singleClicksOnly refuses the second half of a double click, also as a form submit, and takes later single clicks', () => {
    const onClick = vi.fn();
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <Button singleClicksOnly onClick={onClick}>
          Create task
        </Button>
        <Button type="submit" singleClicksOnly>
          Send
        </Button>
      </form>,
    );
    const create = screen.getByRole('button', { name: 'Create task' });
    fireEvent.click(create, { detail: 1 });
    fireEvent.click(create, { detail: 2 });
    fireEvent.click(create, { detail: 3 });
    expect(onClick).toHaveBeenCalledTimes(1);
    // Enter or Space: the browser counts no click at all.
    fireEvent.click(create, { detail: 0 });
    fireEvent.click(create, { detail: 1 });
    expect(onClick).toHaveBeenCalledTimes(3);

    const send = screen.getByRole('button', { name: 'Send' });
    fireEvent.click(send, { detail: 1 });
    fireEvent.click(send, { detail: 2 });
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});

describe('Field', () => {
  it('names the control by its label and describes it by its error', () => {
    render(
      <Field label="Title" error="Enter a title.">
        {(control) => <TextInput {...control} />}
      </Field>,
    );
    const input = screen.getByLabelText('Title');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(input.getAttribute('aria-describedby')!);
    expect(described?.textContent).toBe('Enter a title.');
  });
});

describe('StageBar', () => {
  const stages: Stage[] = [
    { id: 'A', name: 'New', color: '#22B9FF', semantics: 'process', sort: 1 },
    { id: 'B', name: 'Won', color: '#00ff00', semantics: 'success', sort: 2 },
    { id: 'C', name: 'Lost', color: 'red;x', semantics: 'failure', sort: 3 },
  ];

  it('marks the current stage for assistive technology and names success and failure', () => {
    render(
      <I18nProvider bitrixLanguage="en">
        <StageBar bar={buildStageBar(stages, 'A')} />
      </I18nProvider>,
    );
    const list = screen.getByRole('list', { name: 'Stages' });
    const items = screen.getAllByRole('listitem').filter((item) => item.getAttribute('aria-hidden') !== 'true');
    expect(items.map((item) => item.textContent)).toEqual(['New (current stage)', 'Won (success)', 'Lost (failure)']);
    expect(items[0]!.getAttribute('aria-current')).toBe('step');
    expect(list.getAttribute('data-outcome')).toBe('in-progress');
  });
});

describe('Avatar', () => {
  it('shows initials when there is no photo', () => {
    const { container } = render(<Avatar name="Maxim Orlov" photoUrl={null} />);
    expect(container.textContent).toBe('MO');
  });
});
