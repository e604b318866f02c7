/**
 * The automation rules page of a smart process's funnel, where the app's "Stage playbooks"
 * entry sits in the menu (placement CRM_DYNAMIC_<id>_ROBOT_DESIGNER_TOOLBAR): the way an admin
 * is sent to set a playbook up. Bitrix24's path: /crm/type/<entityTypeId>/automation/<categoryId>/.
 */
export function automationRulesPath(entityTypeId: number, categoryId: number | null): string {
  return `/crm/type/${entityTypeId}/automation/${categoryId ?? 0}/`;
}
