/** Smart-process items, their field definitions, funnels (categories) and stages. */
import { useQuery } from '@tanstack/react-query';
import {
  command,
  useBitrix,
  type RestCategory,
  type RestCrmItem,
  type RestFieldDescription,
  type RestStatus,
} from '../bitrix';
import type { FieldDefinition } from '../domain/fields';
import { safeColor, semanticsFromCode, type Stage } from '../domain/stages';
import { statusDirectoryCommand } from './statuses';

export interface CrmItem {
  id: number;
  entityTypeId: number;
  title: string;
  categoryId: number | null;
  stageId: string | null;
  assignedById: number | null;
  /** Every field as the portal returned it, for the field list. */
  values: Readonly<Record<string, unknown>>;
}

export interface Category {
  id: number;
  name: string;
  isDefault: boolean;
}

export const itemKeys = {
  all: ['item'] as const,
  detail: (entityTypeId: number, itemId: number) => [...itemKeys.all, 'detail', entityTypeId, itemId] as const,
  fields: (entityTypeId: number) => [...itemKeys.all, 'fields', entityTypeId] as const,
  categories: (entityTypeId: number) => [...itemKeys.all, 'categories', entityTypeId] as const,
  stages: (entityTypeId: number, categoryId: number) => [...itemKeys.all, 'stages', entityTypeId, categoryId] as const,
  /** One item's title, as a reference to it shows it (reference-names.ts caches it here; '' = not readable). */
  title: (entityTypeId: number, itemId: number) => [...itemKeys.all, 'title', entityTypeId, itemId] as const,
};

function positiveInteger(value: unknown): number | null {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : null;
}

function nonNegativeInteger(value: unknown): number | null {
  const number = Number(value);
  return value !== null && value !== undefined && value !== '' && Number.isInteger(number) && number >= 0
    ? number
    : null;
}

export function decodeItem(entityTypeId: number, item: RestCrmItem): CrmItem {
  return {
    id: Number(item.id),
    entityTypeId,
    title: typeof item.title === 'string' ? item.title : '',
    categoryId: nonNegativeInteger(item.categoryId),
    stageId: typeof item.stageId === 'string' && item.stageId ? item.stageId : null,
    assignedById: positiveInteger(item.assignedById),
    values: item,
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function decodeFieldDefinitions(fields: Readonly<Record<string, RestFieldDescription>>): FieldDefinition[] {
  return Object.entries(fields).map(([name, field]) => ({
    name,
    label: (field.formLabel || field.listLabel || field.title || name).trim(),
    type: field.type,
    isMultiple: field.isMultiple === true,
    isDynamic: field.isDynamic === true,
    isDeprecated: field.isDeprecated === true,
    enumeration: Array.isArray(field.items)
      ? new Map(field.items.map((entry) => [String(entry.ID), entry.VALUE]))
      : null,
    settings: record(field.settings),
    statusType: field.statusType ?? null,
  }));
}

export function decodeCategories(categories: readonly RestCategory[]): Category[] {
  return [...categories]
    .sort((a, b) => a.sort - b.sort || a.id - b.id)
    .map((category) => ({ id: category.id, name: category.name, isDefault: category.isDefault === 'Y' }));
}

export function decodeStages(statuses: readonly RestStatus[]): Stage[] {
  return statuses.map((status) => ({
    id: status.STATUS_ID,
    name: status.NAME,
    color: safeColor(status.COLOR),
    semantics: semanticsFromCode(status.SEMANTICS),
    sort: Number(status.SORT) || 0,
  }));
}

/** The stage directory of one funnel: DYNAMIC_177_STAGE_7. `categoryId` may be a batch reference. */
export function stageDirectory(entityTypeId: number, categoryId: number | string): string {
  return `DYNAMIC_${entityTypeId}_STAGE_${categoryId}`;
}

export function itemCommand(entityTypeId: number, itemId: number) {
  return command('crm.item.get', { entityTypeId, id: itemId });
}

export function fieldsCommand(entityTypeId: number) {
  return command('crm.item.fields', { entityTypeId });
}

export function categoriesCommand(entityTypeId: number) {
  return command('crm.category.list', { entityTypeId });
}

export function stagesCommand(entityTypeId: number, categoryId: number | string) {
  return statusDirectoryCommand(stageDirectory(entityTypeId, categoryId));
}

export function useItem(entityTypeId: number, itemId: number) {
  const boundary = useBitrix();
  return useQuery({
    queryKey: itemKeys.detail(entityTypeId, itemId),
    staleTime: 60_000,
    queryFn: async () =>
      decodeItem(entityTypeId, (await boundary.call('crm.item.get', { entityTypeId, id: itemId })).result.item),
  });
}

/** A CRM item's display name: its title, or a contact's name. */
export function crmItemTitle(item: RestCrmItem): string {
  if (typeof item.title === 'string' && item.title.trim()) return item.title.trim();
  const name = [item.name, item.lastName]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ');
  return name;
}
