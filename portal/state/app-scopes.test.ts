/** The emulator grants the installed app exactly the scopes its card lists (placements/app-card.json). */
import { describe, expect, it } from 'vitest';
import { appCard } from '../../placements/app-card';
import { APP_SCOPES } from './build-state';

describe('the installed app', () => {
  it('is granted the scopes the app card lists, which are the ones the README tells admins to tick', () => {
    expect(APP_SCOPES).toEqual(appCard.scopes);
  });
});
