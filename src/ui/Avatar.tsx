import { useState } from 'react';
import { firstGrapheme } from '../domain/text';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  // Whole characters: an emoji or a letter outside the basic plane is two code units.
  return (
    (firstGrapheme(parts[0] ?? '') + (parts.length > 1 ? firstGrapheme(parts.at(-1) ?? '') : '')).toUpperCase() || '?'
  );
}

/** A person's photo, or their initials when there is none (or it fails to load). Decorative: the name is shown beside it. */
export function Avatar({ name, photoUrl, size = 28 }: { name: string; photoUrl: string | null; size?: number }) {
  const [failed, setFailed] = useState(false);
  return (
    <span className="st-avatar" style={{ width: size, height: size }} aria-hidden="true">
      {photoUrl && !failed ? <img src={photoUrl} alt="" onError={() => setFailed(true)} /> : initials(name)}
    </span>
  );
}

export function Person({ name, photoUrl, size }: { name: string; photoUrl: string | null; size?: number }) {
  return (
    <span className="st-person">
      <Avatar name={name} photoUrl={photoUrl} size={size} />
      <span className="st-person__name">{name}</span>
    </span>
  );
}
