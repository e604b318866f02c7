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
  clearLabel,
  describedBy,
}: {
  person: PickedUser | null;
  onChange: (person: PickedUser | null) => void;
  chooseLabel: string;
  clearLabel?: string;
  describedBy?: string;
}) {
  const boundary = useBitrix();
  return (
    <span className="bk-person">
      {person && <Person name={person.name} photoUrl={person.photoUrl} />}
      <Button
        size="small"
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
