/** Who is looking at a page and in which language: `?user=<id>` and `?lang=<code>`, as documented in portal/host/README.md. */
import type { HostData, HostUser } from './host-data';
import { LANG_QUERY, USER_QUERY } from './paths';

export const DEFAULT_USER_ID = 1;

export interface PageContext {
  user: HostUser;
  lang: string;
  /** Rendered inside a slider (`IFRAME=Y`): no portal chrome around the content. */
  inSlider: boolean;
  url: URL;
}

export type PageContextResult = { ok: true; context: PageContext } | { ok: false; message: string };

export function readPageContext(data: HostData, url: URL): PageContextResult {
  const userParam = url.searchParams.get(USER_QUERY);
  const userId = userParam === null || userParam === '' ? DEFAULT_USER_ID : Number(userParam);
  const user = Number.isInteger(userId) ? data.user(userId) : undefined;
  if (!user) {
    const known = data
      .users()
      .map((candidate) => candidate.id)
      .join(', ');
    return {
      ok: false,
      message: `There is no user "${userParam}" on this portal. Use ?${USER_QUERY}= with one of: ${known}.`,
    };
  }
  const langParam = url.searchParams.get(LANG_QUERY);
  if (langParam !== null && !/^[a-z]{2}$/.test(langParam)) {
    return {
      ok: false,
      message: `"${langParam}" is not a language code. Use ?${LANG_QUERY}= with two lower-case letters, e.g. en, ru, de.`,
    };
  }
  return {
    ok: true,
    context: { user, lang: langParam ?? data.language(), inSlider: url.searchParams.get('IFRAME') === 'Y', url },
  };
}

/** `?user=` and `?lang=` of this page, to carry into the links it renders. */
export function carriedQuery(context: PageContext): { user?: number; lang?: string } {
  const query: { user?: number; lang?: string } = {};
  if (context.url.searchParams.has(USER_QUERY)) query.user = context.user.id;
  if (context.url.searchParams.has(LANG_QUERY)) query.lang = context.lang;
  return query;
}
