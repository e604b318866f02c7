import { describe, expect, it } from 'vitest';
import { crmItemPath, taskViewPath } from './portal-paths';

describe('portal paths', () => {
  it('opens a task at the portal’s task view path', () => {
    expect(taskViewPath(7, 3711)).toBe('/company/personal/user/7/tasks/task/view/3711/');
  });

  it('opens smart-process items under /crm/type/ and classic entities in their folders', () => {
    expect(crmItemPath(177, 29)).toBe('/crm/type/177/details/29/');
    expect(crmItemPath(4, 5)).toBe('/crm/company/details/5/');
    expect(crmItemPath(2, 10)).toBe('/crm/deal/details/10/');
  });
});
