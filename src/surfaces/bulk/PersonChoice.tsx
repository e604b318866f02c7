import { useBitrix, type PickedUser } from '../../bitrix';
import { Button, Person } from '../../ui';

/**
 * A person from the portal's own user picker. A cancelled picker never answers, so nothing
 * waits on it: the choice simply stays as it was.
 */
export function PersonChoice({
  person,
  onChange,
  chooseLabel,
  chooseName,
  clearLabel,
  describedBy,
}: {
  person: PickedUser | null;
  onChange: (person: PickedUser | null) => void;
  chooseLabel: string;
  /** The choose button's own accessible name (two pickers on one form must not share one). */
  chooseName?: string;
  clearLabel?: string;
  describedBy?: string;
}) {
  const boundary = useBitrix();
  return (
    <span className="bk-person">
      {person && <Person name={person.name} photoUrl={person.photoUrl} />}
      <Button
        size="small"
        aria-label={chooseName}
        aria-describedby={describedBy}
        onClick={() => {
          void boundary.pickUser().then((picked) => {
            if (picked) onChange(picked);
          });
        }}
      >
        {chooseLabel}
      </Button>
      {person && clearLabel && (
        <Button size="small" variant="link" onClick={() => onChange(null)}>
          {clearLabel}
        </Button>
      )}
    </span>
  );
}
