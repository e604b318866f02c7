import { describe, expect, it } from 'vitest';
import { PlacementError, parseLaunchTarget, parsePlacementOptions } from './placement';

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PlacementError) return error.reason;
    throw error;
  }
  return 'no error';
}

describe('parseLaunchTarget', () => {
  it('reads the smart process and the item of a detail tab', () => {
    const target = parseLaunchTarget('CRM_DYNAMIC_177_DETAIL_TAB', { ID: '29', URI: '/crm/type/177/details/29/' });
    expect(target).toMatchObject({
      route: 'detail-tab',
      entityTypeId: 177,
      itemId: 29,
      placement: 'CRM_DYNAMIC_177_DETAIL_TAB',
    });
  });

  it('accepts PLACEMENT_OPTIONS as a JSON string, as the portal posts them', () => {
    expect(
      parseLaunchTarget('CRM_DYNAMIC_156_DETAIL_TAB', '{"ID":"7","URI":"\\/crm\\/type\\/156\\/details\\/7\\/"}'),
    ).toMatchObject({
      entityTypeId: 156,
      itemId: 7,
    });
  });

  it('takes the item id from ENTITY_ID where the manifest says the placement sends it', () => {
    expect(parseLaunchTarget('CRM_DYNAMIC_177_DETAIL_TOOLBAR', { ENTITY_ID: '31' })).toMatchObject({
      route: 'quick-create',
      itemId: 31,
    });
    expect(
      parseLaunchTarget('CRM_DYNAMIC_177_ACTIVITY_TIMELINE_MENU', {
        ENTITY_ID: '29',
        ASSOCIATED_ENTITY_ID: '8097',
        ASSOCIATED_ENTITY_TYPE_ID: '6',
      }),
    ).toMatchObject({ itemId: 29, options: { ASSOCIATED_ENTITY_ID: '8097' } });
  });

  it('needs no item for the list toolbar', () => {
    expect(parseLaunchTarget('CRM_DYNAMIC_177_LIST_TOOLBAR', { URI: '/crm/type/177/list/' })).toMatchObject({
      route: 'bulk',
      entityTypeId: 177,
    });
  });

  it("opens the playbook editor from the automation designer's menu, with the funnel its URI names", () => {
    expect(
      parseLaunchTarget('CRM_DYNAMIC_177_ROBOT_DESIGNER_TOOLBAR', { URI: '/crm/type/177/automation/7/' }),
    ).toMatchObject({ route: 'playbook-editor', entityTypeId: 177, categoryId: 7 });
    expect(parseLaunchTarget('CRM_DYNAMIC_177_ROBOT_DESIGNER_TOOLBAR', [])).toMatchObject({
      route: 'playbook-editor',
      categoryId: null,
    });
  });

  it('sends DEFAULT (and an empty placement) to the app page', () => {
    expect(parseLaunchTarget('DEFAULT', undefined)).toMatchObject({ route: 'app-page' });
    expect(parseLaunchTarget('', [])).toMatchObject({ route: 'app-page' });
  });

  it('names what is wrong with a bad launch', () => {
    expect(reasonOf(() => parseLaunchTarget('CRM_DEAL_DETAIL_TAB', { ID: '1' }))).toBe('unknown-placement');
    expect(reasonOf(() => parseLaunchTarget('CRM_DYNAMIC_0177_DETAIL_TAB', { ID: '1' }))).toBe('unknown-placement');
    expect(reasonOf(() => parseLaunchTarget('CRM_DYNAMIC_177_DETAIL_TAB', '{"ID":'))).toBe('malformed-options');
    expect(reasonOf(() => parseLaunchTarget('CRM_DYNAMIC_177_DETAIL_TAB', { ID: 'abc' }))).toBe('malformed-options');
    expect(reasonOf(() => parseLaunchTarget('CRM_DYNAMIC_177_DETAIL_TAB', { ID: '-3' }))).toBe('malformed-options');
    expect(reasonOf(() => parseLaunchTarget('CRM_DYNAMIC_177_DETAIL_TAB', { URI: '/x' }))).toBe('missing-item-id');
    expect(reasonOf(() => parseLaunchTarget('CRM_DYNAMIC_177_DETAIL_TAB', '"29"'))).toBe('malformed-options');
  });
});

describe('parsePlacementOptions', () => {
  it('keeps scalar values as strings and drops nested ones', () => {
    expect(parsePlacementOptions({ ID: 29, URI: '/x', NESTED: { a: 1 } }, 'P')).toEqual({ ID: '29', URI: '/x' });
  });
});
