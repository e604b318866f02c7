import { describe, expect, it } from 'vitest';
import { manifest } from '../../../placements/manifest';
import {
  isSurfaceWanted,
  noChoices,
  parseSurfaceChoices,
  serialiseSurfaceChoices,
  withSurfaceSwitched,
} from './surface-choices';

const tab = manifest.surfaces.find((surface) => surface.id === 'detail-tab')!;

describe('surface choices', () => {
  it('follows the manifest default until the admin changes a cell', () => {
    expect(isSurfaceWanted(noChoices, 177, tab)).toBe(tab.enabledByDefault);
    const off = withSurfaceSwitched(noChoices, 177, tab, false);
    expect(isSurfaceWanted(off, 177, tab)).toBe(false);
    expect(isSurfaceWanted(off, 156, tab)).toBe(true);
    expect(withSurfaceSwitched(off, 177, tab, true)).toEqual(noChoices);
  });

  it('survives a round trip through app.option, as a string or as an object', () => {
    const choices = withSurfaceSwitched(noChoices, 177, tab, false);
    const stored = serialiseSurfaceChoices(choices);
    expect(parseSurfaceChoices(stored)).toEqual({ choices, damaged: false });
    expect(parseSurfaceChoices(JSON.parse(stored))).toEqual({ choices, damaged: false });
  });

  it('reads nothing stored yet as the defaults', () => {
    for (const empty of [undefined, null, '', []])
      expect(parseSurfaceChoices(empty)).toEqual({ choices: noChoices, damaged: false });
  });

  it('keeps the readable cells of a damaged value and says it was damaged', () => {
    expect(parseSurfaceChoices('{not json')).toEqual({ choices: noChoices, damaged: true });
    const partly = parseSurfaceChoices({ overrides: { '177:detail-tab': 'N', 'x:y': true, '156:list-menu': 42 } });
    expect(partly.damaged).toBe(true);
    expect(partly.choices.overrides).toEqual({ '177:detail-tab': false });
  });

  it('drops cells of surfaces the manifest no longer has, without calling it damage', () => {
    expect(parseSurfaceChoices({ overrides: { '177:funnels-toolbar': true } })).toEqual({
      choices: noChoices,
      damaged: false,
    });
  });
});
