import { useRef, useState } from 'react';
import { useBitrix, type PickedUser } from '../../bitrix';
import type { PlaybookRow } from './stage-playbook-rows';

/**
 * The responsible a user picks for a template whose rule names nobody usable (the portal's user
 * picker): `chosen` maps template keys to the picked user, `choose(row)` opens the picker. Only
 * the latest picker's answer counts; a cancelled one never answers.
 */
export function useResponsibleChoice(): {
  chosen: ReadonlyMap<string, PickedUser>;
  choose: (row: PlaybookRow) => void;
} {
  const boundary = useBitrix();
  const [chosen, setChosen] = useState<ReadonlyMap<string, PickedUser>>(new Map());
  const pickerCall = useRef(0);
  const choose = (row: PlaybookRow) => {
    const call = ++pickerCall.current;
    boundary.pickUser().then(
      (user) => {
        if (user && call === pickerCall.current)
          setChosen((current) => new Map(current).set(row.status.template.key, user));
      },
      () => undefined,
    );
  };
  return { chosen, choose };
}
