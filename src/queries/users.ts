/** Portal users: the current user and anyone the tab names (responsible, employees, participants). */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { command, useBitrix, type BitrixBoundary, type RestUser } from '../bitrix';
import { resolveUserZone, type ZoneName } from '../domain/time-zone';

export interface User {
  id: number;
  name: string;
  photoUrl: string | null;
  position: string;
  /**
   * False for a deactivated (dismissed) employee (user.get `ACTIVE: false`, docs user-get.md):
   * the tab marks them, and no task goes to them by default. Undefined when the answer did not
   * say (a task's embedded responsible).
   */
  active?: boolean;
}

export interface CurrentUser extends User {
  /** IANA time zone from the user's profile, when the portal tells it. */
  timeZone: string | null;
}

export const userKeys = {
  all: ['user'] as const,
  current: () => [...userKeys.all, 'current'] as const,
  detail: (userId: number) => [...userKeys.all, 'detail', userId] as const,
};

export const USER_SELECT = [
  'ID',
  'ACTIVE',
  'NAME',
  'LAST_NAME',
  'SECOND_NAME',
  'EMAIL',
  'PERSONAL_PHOTO',
  'WORK_POSITION',
];

function photoUrl(value: string | null | undefined): string | null {
  return typeof value === 'string' && /^(https?:)?\/\//i.test(value.trim())
    ? value.trim()
    : typeof value === 'string' && value.startsWith('/')
      ? value
      : null;
}

/** REST user → app user; the string id becomes a number here, on purpose. */
export function decodeUser(user: RestUser): User | null {
  const id = Number(user.ID);
  if (!Number.isInteger(id) || id <= 0) return null;
  const name =
    [user.NAME, user.LAST_NAME]
      .map((part) => (part ?? '').trim())
      .filter(Boolean)
      .join(' ') || (user.EMAIL ?? '').trim();
  // The docs print ACTIVE as a boolean; older portals (and some filters) as "Y"/"N". Unknown = active.
  const active = (user.ACTIVE as unknown) !== false && (user.ACTIVE as unknown) !== 'N';
  return { id, name, photoUrl: photoUrl(user.PERSONAL_PHOTO), position: (user.WORK_POSITION ?? '').trim(), active };
}

export function decodeCurrentUser(user: RestUser): CurrentUser | null {
  const decoded = decodeUser(user);
  return decoded
    ? { ...decoded, timeZone: typeof user.TIME_ZONE === 'string' && user.TIME_ZONE ? user.TIME_ZONE : null }
    : null;
}

/**
 * The zone every date the user sees or enters is in: the profile's TIME_ZONE (user.current,
 * b24restdocs user-get.md), the portal's zone (its UTC offset) when the profile names none.
 */
export function userZone(
  boundary: Pick<BitrixBoundary, 'portalUtcOffsetMinutes'>,
  profileZone: string | null | undefined,
): ZoneName {
  return resolveUserZone(profileZone, boundary.portalUtcOffsetMinutes());
}

/** `userZone` for a component; pass the current user's `timeZone` (CurrentUser). */
export function useUserZone(profileZone: string | null | undefined): ZoneName {
  return userZone(useBitrix(), profileZone);
}

/** Caches users; what an answer did not say (a task's embedded responsible: `active`) keeps what an earlier one did. */
export function primeUsers(queryClient: QueryClient, users: readonly User[]): void {
  for (const user of users) {
    const known = queryClient.getQueryData<User | null>(userKeys.detail(user.id));
    queryClient.setQueryData(
      userKeys.detail(user.id),
      user.active === undefined && known?.active !== undefined ? { ...user, active: known.active } : user,
    );
  }
}

export function cachedUser(queryClient: QueryClient, userId: number): User | undefined {
  return queryClient.getQueryData<User>(userKeys.detail(userId));
}

export function currentUserCommand() {
  return command('user.current', {});
}

export function usersByIdCommand(ids: readonly number[]) {
  return command('user.get', { filter: { ID: [...ids] }, select: USER_SELECT });
}

async function fetchCurrentUser(boundary: BitrixBoundary): Promise<CurrentUser> {
  const { result } = await boundary.call('user.current', {});
  const user = decodeCurrentUser(result);
  if (!user) throw new Error('user.current returned no user');
  return user;
}

export function useCurrentUser() {
  const boundary = useBitrix();
  return useQuery({ queryKey: userKeys.current(), queryFn: () => fetchCurrentUser(boundary), staleTime: Infinity });
}

/** One user by id; served from what earlier batches cached, fetched alone only when missing. */
export function useUser(userId: number | null) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: userKeys.detail(userId ?? 0),
    enabled: userId !== null && userId > 0,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const { result } = await boundary.call('user.get', { filter: { ID: [userId!] }, select: USER_SELECT });
      const users = result.map(decodeUser).filter((user): user is User => user !== null);
      primeUsers(queryClient, users);
      return users.find((user) => user.id === userId) ?? null;
    },
  });
}
