import type { SurfaceProps } from '../surface-contract';
import { funnelFromListUri } from '../../domain/bulk/list-uri';
import { Bulk } from './Bulk';
import './bulk.css';

/** `..._LIST_TOOLBAR`: the portal sends no selection, only the list's URI (which may name a funnel). */
export default function BulkSurface({ target }: SurfaceProps<'bulk'>) {
  return (
    <Bulk
      entityTypeId={target.entityTypeId}
      initialFunnel={funnelFromListUri(target.options.URI, target.entityTypeId)}
    />
  );
}
