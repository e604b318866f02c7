/** Tasks linked to a CRM item through UF_CRM_TASK. */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  command,
  useBitrix,
  type BitrixBoundary,
  type RestParams,
  type RestTask,
  type TaskSelectField,
} from '../bitrix';
import {
  sortLinkedTasks,
  taskPriorityFromCode,
  taskStatusFromCode,
  templateKeyFromXmlId,
  withTask,
  type LinkedTask,
} from '../domain/tasks';
import { primeUsers, type User } from './users';

export interface LinkedTasks {
  tasks: LinkedTask[];
  /** How many tasks the portal has linked in all (the list shows the first page). */
  total: number;
}

export const taskKeys = {
  all: ['task'] as const,
  linked: (entityTypeId: number, itemId: number) => [...taskKeys.all, 'linked', entityTypeId, itemId] as const,
};

export const LINKED_TASK_SELECT: TaskSelectField[] = [
  'ID',
  'TITLE',
  'STATUS',
  'RESPONSIBLE_ID',
  'DEADLINE',
  'CREATED_DATE',
  'CLOSED_DATE',
  'PRIORITY',
  'XML_ID',
  'UF_CRM_TASK',
];

function date(value: string | null | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function positiveId(value: string | number | null | undefined): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** REST task → app task: string ids and status codes become numbers and names here. */
export function decodeTask(task: RestTask): LinkedTask | null {
  const id = positiveId(task.id);
  if (id === null) return null;
  return {
    id,
    title: task.title ?? '',
    status: taskStatusFromCode(task.status),
    responsibleId: positiveId(task.responsibleId ?? task.responsible?.id),
    deadline: date(task.deadline),
    createdAt: date(task.createdDate),
    closedAt: date(task.closedDate),
    crmLinks: Array.isArray(task.ufCrmTask) ? task.ufCrmTask.map(String) : task.ufCrmTask === false ? [] : null,
    priority: taskPriorityFromCode(task.priority),
    templateKey: templateKeyFromXmlId(task.xmlId),
  };
}

/** The responsible person tasks.task.list/get embeds in each task, as a user. */
export function embeddedResponsible(task: RestTask): User | null {
  const member = task.responsible;
  const id = positiveId(member?.id);
  if (!member || id === null || !member.name) return null;
  return {
    id,
    name: member.name,
    photoUrl: member.icon && /^(https?:)?\/\//.test(member.icon) ? member.icon : null,
    position: member.workPosition ?? '',
  };
}

export function decodeLinkedTasks(tasks: readonly RestTask[], total: number | undefined): LinkedTasks {
  const decoded = tasks.map(decodeTask).filter((task): task is LinkedTask => task !== null);
  return { tasks: sortLinkedTasks(decoded), total: Math.max(total ?? 0, decoded.length) };
}

export function linkedTasksParams(linkCode: string): RestParams<'tasks.task.list'> {
  return { filter: { UF_CRM_TASK: linkCode }, select: LINKED_TASK_SELECT, order: { ID: 'desc' } };
}

export function linkedTasksCommand(linkCode: string) {
  return command('tasks.task.list', linkedTasksParams(linkCode));
}

/** Caches tasks and the people they embed, as a batch answer delivered them. */
export function primeLinkedTasks(
  queryClient: QueryClient,
  entityTypeId: number,
  itemId: number,
  tasks: readonly RestTask[],
  total: number | undefined,
): void {
  queryClient.setQueryData(taskKeys.linked(entityTypeId, itemId), decodeLinkedTasks(tasks, total));
  primeUsers(
    queryClient,
    tasks.map(embeddedResponsible).filter((user): user is User => user !== null),
  );
}

async function fetchLinkedTasks(
  boundary: BitrixBoundary,
  queryClient: QueryClient,
  entityTypeId: number,
  itemId: number,
  linkCode: string,
): Promise<LinkedTasks> {
  const { result, total } = await boundary.call('tasks.task.list', linkedTasksParams(linkCode));
  primeUsers(
    queryClient,
    result.tasks.map(embeddedResponsible).filter((user): user is User => user !== null),
  );
  return decodeLinkedTasks(result.tasks, total);
}

export function useLinkedTasks(entityTypeId: number, itemId: number, linkCode: string) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: taskKeys.linked(entityTypeId, itemId),
    queryFn: () => fetchLinkedTasks(boundary, queryClient, entityTypeId, itemId, linkCode),
    staleTime: 30_000,
    // Tasks change in the portal's own task slider: look again when the user comes back.
    refetchOnWindowFocus: true,
  });
}

/** After a create: the new task joins exactly the item's linked-task list. */
export function addLinkedTask(queryClient: QueryClient, entityTypeId: number, itemId: number, task: LinkedTask): void {
  queryClient.setQueryData<LinkedTasks>(taskKeys.linked(entityTypeId, itemId), (current) => {
    if (!current) return { tasks: [task], total: 1 };
    const isNew = !current.tasks.some((existing) => existing.id === task.id);
    return { tasks: withTask(current.tasks, task), total: current.total + (isNew ? 1 : 0) };
  });
}
