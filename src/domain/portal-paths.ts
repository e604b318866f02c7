/** Paths of portal pages the app opens in the portal's slider (openPath). */

/** A task's view: /company/personal/user/<user>/tasks/task/view/<task>/ */
export function taskViewPath(currentUserId: number, taskId: number): string {
  return `/company/personal/user/${currentUserId}/tasks/task/view/${taskId}/`;
}

const CLASSIC_CRM_PATHS: Record<number, string> = { 1: 'lead', 2: 'deal', 3: 'contact', 4: 'company' };

/** A CRM item's detail form: classic entities have their own folders, everything else is /crm/type/. */
export function crmItemPath(entityTypeId: number, itemId: number): string {
  const classic = CLASSIC_CRM_PATHS[entityTypeId];
  return classic ? `/crm/${classic}/details/${itemId}/` : `/crm/type/${entityTypeId}/details/${itemId}/`;
}
