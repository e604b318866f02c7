import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n';
import { OutsideBitrixPage } from './OutsideBitrixPage';

afterEach(cleanup);

function renderPage(bitrixLanguage: string) {
  render(
    <I18nProvider bitrixLanguage={bitrixLanguage} timeZone="UTC">
      <OutsideBitrixPage />
    </I18nProvider>,
  );
}

describe('the page of the app opened on its own', () => {
  it.each(['en', 'ru', 'de'])('leads with the archive Bitrix24 hosts itself (%s), self-hosting second', (language) => {
    renderPage(language);
    const steps = within(screen.getAllByRole('list')[0]!).getAllByRole('listitem');
    expect(steps[0]!.textContent).toContain('npm run package');
    expect(steps.map((step) => step.textContent).join(' ')).not.toContain('npm run build');
    // The addresses are for hosting it yourself, and say so before they are listed.
    const handler = screen.getByText(/index\.html$/);
    expect(handler.closest('dl')!.previousElementSibling!.textContent).toMatch(/HTTPS/);
  });

  it('wraps long addresses instead of running past the card', () => {
    renderPage('en');
    expect(screen.getByText(/install\.html$/).style.overflowWrap).toBe('anywhere');
  });
});
